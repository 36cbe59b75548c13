# Create the bucket.
aws s3 mb "s3://$BUCKET_NAME"
