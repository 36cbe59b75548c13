aws lambda create-function --function-name Create-Thumbnail \
  --runtime python3.12 --handler CreateThumbnail.handler \
  --role "$ROLE_ARN" --zip-file fileb://function.zip \
  --timeout 10 --memory-size 256 \
  --query '[FunctionName, Runtime, Handler]' --output text
aws lambda wait function-active --function-name Create-Thumbnail
