aws iam delete-role-policy --role-name WildRydesLambda --policy-name DynamoDBWriteAccess
aws iam delete-role --role-name WildRydesLambda
