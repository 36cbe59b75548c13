export AWS_DEFAULT_REGION=us-east-1
REGION=$AWS_DEFAULT_REGION
ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
BUCKET="wildrydes-$ACCOUNT_ID"
aws s3 mb "s3://$BUCKET"
aws s3 website "s3://$BUCKET" --index-document index.html
aws s3 cp index.html "s3://$BUCKET/index.html" --no-progress
