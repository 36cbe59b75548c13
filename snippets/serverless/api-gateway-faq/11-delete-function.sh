aws lambda delete-function --function-name FAQ
aws logs delete-log-group --log-group-name /aws/lambda/FAQ
