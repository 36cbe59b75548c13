ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
BUNDLE_BUCKET="nodejs-app-bundles-$ACCOUNT_ID"
aws s3 mb "s3://$BUNDLE_BUCKET"
aws s3 cp nodejs-app.zip "s3://$BUNDLE_BUCKET/nodejs-app-v1.zip" --no-progress
