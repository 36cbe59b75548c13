# Both buckets exist, named after the account.
[[ $BUCKET == "images-$ACCOUNT_ID" && $ACCOUNT_ID =~ ^[0-9]{12}$ ]]
aws s3api head-bucket --bucket "$BUCKET"
aws s3api head-bucket --bucket "$BUCKET-resized"
