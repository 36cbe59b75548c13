aws dynamodb delete-table --table-name MysfitsTable --query TableDescription.TableName --output text
aws dynamodb wait table-not-exists --table-name MysfitsTable
