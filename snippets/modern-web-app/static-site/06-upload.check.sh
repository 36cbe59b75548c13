# What the bucket serves is byte for byte the local file.
aws s3 cp "s3://$BUCKET_NAME/index.html" - | cmp - index.html
