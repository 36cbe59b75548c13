aws lambda delete-function --function-name RequestUnicorn
aws logs delete-log-group --log-group-name /aws/lambda/RequestUnicorn
