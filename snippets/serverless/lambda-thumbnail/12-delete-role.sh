aws iam delete-role-policy --role-name lambda-thumbnail-role --policy-name images-access
aws iam delete-role --role-name lambda-thumbnail-role
