[[ $(aws elbv2 describe-load-balancers --query 'length(LoadBalancers)') == 0 ]]
[[ $(aws elbv2 describe-target-groups --query 'length(TargetGroups)') == 0 ]]
! aws ec2 describe-vpcs --vpc-ids "$VPC_ID" > /dev/null 2>&1
