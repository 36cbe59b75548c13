test "$(aws elasticbeanstalk describe-applications --query 'length(Applications)')" = 0
! aws iam get-role --role-name "$ROLE" > /dev/null 2>&1
