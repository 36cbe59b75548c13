# Upload the page (--no-progress: no progress meter, just the result).
aws s3 cp index.html "s3://$BUCKET_NAME/index.html" --no-progress
aws s3 ls "s3://$BUCKET_NAME"
aws s3api head-object --bucket "$BUCKET_NAME" --key index.html --query ContentType --output text
