test "$(aws iam get-instance-profile --instance-profile-name "$ROLE" \
  --query 'InstanceProfile.Roles[0].RoleName' --output text)" = "$ROLE"
test "$(aws iam list-attached-role-policies --role-name "$ROLE" \
  --query 'AttachedPolicies[0].PolicyName' --output text)" = AWSElasticBeanstalkWebTier
test "$(aws iam list-role-policies --role-name "$ROLE" --query 'PolicyNames[0]' --output text)" = signup-table
