ROLE_ARN=$(aws iam create-role --role-name WildRydesLambda \
  --assume-role-policy-document file://trust-policy.json \
  --query Role.Arn --output text)
aws iam put-role-policy --role-name WildRydesLambda \
  --policy-name DynamoDBWriteAccess --policy-document file://rides-policy.json
aws iam wait role-exists --role-name WildRydesLambda
echo "$ROLE_ARN"
