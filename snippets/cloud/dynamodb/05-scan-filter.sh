aws dynamodb scan --table-name Music \
  --filter-expression "#y >= :year" \
  --expression-attribute-names '{"#y": "Year"}' \
  --expression-attribute-values '{":year": {"N": "2019"}}' \
  --query 'sort_by(Items, &Year.N)[].[Artist.S, SongTitle.S, Year.N]' --output text
