aws dynamodb create-table --table-name Rides \
  --attribute-definitions AttributeName=RideId,AttributeType=S \
  --key-schema AttributeName=RideId,KeyType=HASH \
  --billing-mode PAY_PER_REQUEST \
  --query TableDescription.TableArn --output text
aws dynamodb wait table-exists --table-name Rides
