aws lambda add-permission --function-name Create-Thumbnail \
  --statement-id s3-invoke --action lambda:InvokeFunction \
  --principal s3.amazonaws.com \
  --source-arn "arn:aws:s3:::$BUCKET" --source-account "$ACCOUNT_ID" \
  --query Statement --output text > /dev/null
