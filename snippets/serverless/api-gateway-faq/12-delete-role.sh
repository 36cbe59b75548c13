aws iam delete-role-policy --role-name faq-lambda-role --policy-name write-logs
aws iam delete-role --role-name faq-lambda-role
