aws s3 website "s3://$BUCKET/" --index-document index.html
aws s3api get-bucket-website --bucket "$BUCKET"
