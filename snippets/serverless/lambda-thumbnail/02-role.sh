ROLE_ARN=$(aws iam create-role --role-name lambda-thumbnail-role \
  --assume-role-policy-document file://trust-policy.json \
  --query Role.Arn --output text)
aws iam put-role-policy --role-name lambda-thumbnail-role \
  --policy-name images-access --policy-document file://images-policy.json
echo "$ROLE_ARN"
