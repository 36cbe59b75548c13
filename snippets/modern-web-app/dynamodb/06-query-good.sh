aws dynamodb query --table-name MysfitsTable --index-name GoodEvilIndex \
    --key-condition-expression 'GoodEvil = :value' \
    --expression-attribute-values '{":value": {"S": "Good"}}' \
    --query 'Items[].[MysfitId.S, Name.S]' --output text
