# The role trusts Lambda and carries the inline policy, unchanged.
aws iam get-role --role-name lambda-thumbnail-role \
  --query 'Role.AssumeRolePolicyDocument.Statement[0].Principal.Service' --output text | grep -qx lambda.amazonaws.com
aws iam get-role-policy --role-name lambda-thumbnail-role --policy-name images-access \
  --query 'PolicyDocument.Statement[].Sid' --output text | grep -qx $'WriteLogs\tReadOriginals\tWriteThumbnails'
