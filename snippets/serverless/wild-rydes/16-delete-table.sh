aws dynamodb delete-table --table-name Rides --query TableDescription.TableName --output text
aws dynamodb wait table-not-exists --table-name Rides
