aws s3 rb "s3://$BUCKET" --force
aws s3 rb "s3://$BUCKET-resized" --force
