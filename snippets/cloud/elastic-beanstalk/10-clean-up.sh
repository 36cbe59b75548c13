aws elasticbeanstalk delete-application --application-name nodejs-app --terminate-env-by-force
aws dynamodb delete-table --table-name nodejs-tutorial-signups > /dev/null
aws s3 rb "s3://$BUNDLE_BUCKET" --force
aws iam remove-role-from-instance-profile --instance-profile-name "$ROLE" --role-name "$ROLE"
aws iam delete-instance-profile --instance-profile-name "$ROLE"
aws iam detach-role-policy --role-name "$ROLE" \
  --policy-arn arn:aws:iam::aws:policy/AWSElasticBeanstalkWebTier
aws iam delete-role-policy --role-name "$ROLE" --policy-name signup-table
aws iam delete-role --role-name "$ROLE"
