aws elasticbeanstalk create-application-version --application-name nodejs-app \
  --version-label v1 --process \
  --source-bundle S3Bucket="$BUNDLE_BUCKET",S3Key=nodejs-app-v1.zip
