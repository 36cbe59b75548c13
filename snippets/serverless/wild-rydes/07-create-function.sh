zip function.zip requestUnicorn.py
FUNCTION_ARN=$(aws lambda create-function --function-name RequestUnicorn \
  --runtime python3.12 --handler requestUnicorn.handler \
  --role "$ROLE_ARN" --zip-file fileb://function.zip \
  --query FunctionArn --output text)
aws lambda wait function-active --function-name RequestUnicorn
echo "$FUNCTION_ARN"
