aws dynamodb create-table --table-name nodejs-tutorial-signups \
  --attribute-definitions AttributeName=email,AttributeType=S \
  --key-schema AttributeName=email,KeyType=HASH \
  --billing-mode PAY_PER_REQUEST --query TableDescription.TableName --output text
aws dynamodb wait table-exists --table-name nodejs-tutorial-signups
