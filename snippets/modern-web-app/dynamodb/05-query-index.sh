# The lawful mysfits, through LawChaosIndex (ordered by its sort key, MysfitId).
aws dynamodb query --table-name MysfitsTable --index-name LawChaosIndex \
    --key-condition-expression 'LawChaos = :value' \
    --expression-attribute-values '{":value": {"S": "Lawful"}}' \
    --query 'Items[].[MysfitId.S, Name.S]' --output text
