aws elasticbeanstalk create-environment --application-name nodejs-app \
  --environment-name nodejs-app-env --version-label v1 --solution-stack-name "$STACK" \
  --option-settings \
  "Namespace=aws:autoscaling:launchconfiguration,OptionName=IamInstanceProfile,Value=$ROLE" \
  --query EnvironmentName --output text
aws elasticbeanstalk wait environment-exists \
  --application-name nodejs-app --environment-names nodejs-app-env
aws elasticbeanstalk describe-environments --application-name nodejs-app \
  --environment-names nodejs-app-env --output text \
  --query "Environments[?EnvironmentName=='nodejs-app-env'].[EnvironmentName, Status]"
