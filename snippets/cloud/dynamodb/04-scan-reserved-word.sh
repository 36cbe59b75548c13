aws dynamodb scan --table-name Music \
  --filter-expression "Year >= :year" \
  --expression-attribute-values '{":year": {"N": "2019"}}'
