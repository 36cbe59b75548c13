ROLE_ARN=$(aws iam create-role --role-name faq-lambda-role \
  --assume-role-policy-document file://trust-policy.json \
  --query Role.Arn --output text)
aws iam put-role-policy --role-name faq-lambda-role \
  --policy-name write-logs --policy-document file://logs-policy.json
echo "$ROLE_ARN"
