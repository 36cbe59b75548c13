ROLE=nodejs-app-ec2-role
aws iam create-role --role-name "$ROLE" \
  --assume-role-policy-document file://ec2-trust-policy.json --query Role.Arn --output text
aws iam attach-role-policy --role-name "$ROLE" \
  --policy-arn arn:aws:iam::aws:policy/AWSElasticBeanstalkWebTier
aws iam put-role-policy --role-name "$ROLE" --policy-name signup-table \
  --policy-document file://signup-table-policy.json
aws iam create-instance-profile --instance-profile-name "$ROLE" \
  --query InstanceProfile.InstanceProfileName --output text
aws iam add-role-to-instance-profile --instance-profile-name "$ROLE" --role-name "$ROLE"
