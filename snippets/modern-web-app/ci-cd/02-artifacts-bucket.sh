# CodePipeline passes the source and the build's output between stages through S3.
ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
ARTIFACTS_BUCKET="mythical-mysfits-artifacts-$ACCOUNT_ID"
aws s3 mb "s3://$ARTIFACTS_BUCKET"
