zip function.zip index.js faq.json
FUNCTION_ARN=$(aws lambda create-function --function-name FAQ \
  --runtime nodejs24.x --handler index.handler \
  --role "$ROLE_ARN" --zip-file fileb://function.zip \
  --query FunctionArn --output text)
aws lambda wait function-active --function-name FAQ
REGION=$(echo "$FUNCTION_ARN" | cut -d: -f4)
ACCOUNT_ID=$(echo "$FUNCTION_ARN" | cut -d: -f5)
echo "$FUNCTION_ARN"
