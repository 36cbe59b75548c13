aws dynamodb delete-table --table-name Music --query TableDescription.TableName --output text
aws dynamodb delete-table --table-name Albums --query TableDescription.TableName --output text
aws dynamodb wait table-not-exists --table-name Music
aws dynamodb wait table-not-exists --table-name Albums
