# Turn on static website hosting, with index.html as the index document.
aws s3 website "s3://$BUCKET_NAME" --index-document index.html
aws s3api get-bucket-website --bucket "$BUCKET_NAME"
