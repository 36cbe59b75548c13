aws s3 rb "s3://$BUCKET" --force
