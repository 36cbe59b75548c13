aws iam get-role-policy --role-name WildRydesLambda --policy-name DynamoDBWriteAccess \
  --query 'PolicyDocument.Statement[?Sid==`RecordRides`].[Action, Resource]' --output text \
  | grep -qx $'dynamodb:PutItem\tarn:aws:dynamodb:\\*:\\*:table/Rides'
