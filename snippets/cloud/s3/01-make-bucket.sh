BUCKET=mybucket567   # bucket names are global: choose your own
aws s3 mb "s3://$BUCKET"
