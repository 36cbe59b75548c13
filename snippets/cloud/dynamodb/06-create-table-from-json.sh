aws dynamodb create-table --cli-input-json file://albums-table.json \
  --query TableDescription.TableName --output text
aws dynamodb wait table-exists --table-name Albums
