ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
BUCKET="images-$ACCOUNT_ID"
aws s3 mb "s3://$BUCKET"
aws s3 mb "s3://$BUCKET-resized"
