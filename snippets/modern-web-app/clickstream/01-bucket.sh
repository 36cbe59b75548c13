ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
CLICKS_BUCKET="mythical-mysfits-clicks-$ACCOUNT_ID"
aws s3 mb "s3://$CLICKS_BUCKET"
