aws lambda get-function --function-name Create-Thumbnail \
  --query 'Configuration.[State, Runtime, Handler, Role]' --output text
aws s3api get-bucket-notification-configuration --bucket "$BUCKET"
