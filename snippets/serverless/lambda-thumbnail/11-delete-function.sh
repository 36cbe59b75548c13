aws lambda delete-function --function-name Create-Thumbnail
aws logs delete-log-group --log-group-name /aws/lambda/Create-Thumbnail
