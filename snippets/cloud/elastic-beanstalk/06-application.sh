aws elasticbeanstalk create-application --application-name nodejs-app \
  --description "Node.js web app with a DynamoDB table" \
  --query Application.ApplicationName --output text
