aws s3 cp index.html "s3://$BUCKET/index.html" --no-progress
aws s3 cp "s3://$BUCKET/notes.txt" "s3://$BUCKET/archive/notes.txt" --no-progress
aws s3 ls "s3://$BUCKET" --recursive
aws s3api head-object --bucket "$BUCKET" --key index.html --query ContentType --output text
