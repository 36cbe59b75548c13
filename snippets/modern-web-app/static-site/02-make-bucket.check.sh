aws s3api head-bucket --bucket "$BUCKET_NAME"
