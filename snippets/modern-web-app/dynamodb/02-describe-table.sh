aws dynamodb describe-table --table-name MysfitsTable --output text \
    --query 'Table.[TableStatus, BillingModeSummary.BillingMode]'
aws dynamodb describe-table --table-name MysfitsTable --output text \
    --query 'sort_by(Table.GlobalSecondaryIndexes, &IndexName)[].[IndexName, KeySchema[0].AttributeName, KeySchema[1].AttributeName, IndexStatus]'
