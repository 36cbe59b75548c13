aws dynamodb create-table --table-name Music \
  --attribute-definitions AttributeName=Artist,AttributeType=S AttributeName=SongTitle,AttributeType=S \
  --key-schema AttributeName=Artist,KeyType=HASH AttributeName=SongTitle,KeyType=RANGE \
  --billing-mode PAY_PER_REQUEST \
  --query TableDescription.TableName --output text
aws dynamodb wait table-exists --table-name Music
aws dynamodb describe-table --table-name Music --output text \
  --query 'Table.[TableStatus, KeySchema[0].AttributeName, KeySchema[1].AttributeName]'
