FUNCTION_ARN=$(aws lambda get-function --function-name Create-Thumbnail \
  --query Configuration.FunctionArn --output text)
cat > notification.json <<JSON
{
  "LambdaFunctionConfigurations": [
    {
      "Id": "create-thumbnail",
      "LambdaFunctionArn": "$FUNCTION_ARN",
      "Events": ["s3:ObjectCreated:*"]
    }
  ]
}
JSON
aws s3api put-bucket-notification-configuration --bucket "$BUCKET" \
  --notification-configuration file://notification.json
