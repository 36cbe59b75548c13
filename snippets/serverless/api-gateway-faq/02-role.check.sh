# The role trusts Lambda and may write logs.
aws iam get-role --role-name faq-lambda-role \
  --query 'Role.AssumeRolePolicyDocument.Statement[0].Principal.Service' --output text | grep -qx lambda.amazonaws.com
aws iam get-role-policy --role-name faq-lambda-role --policy-name write-logs \
  --query 'PolicyDocument.Statement[0].Action' --output text | grep -q logs:PutLogEvents
