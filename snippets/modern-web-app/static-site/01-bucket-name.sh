ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
BUCKET_NAME="mythical-mysfits-$ACCOUNT_ID"
echo "$BUCKET_NAME"
