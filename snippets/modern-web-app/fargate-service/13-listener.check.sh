# The target group now belongs to the load balancer.
[[ $(aws elbv2 describe-target-groups --target-group-arns "$TARGET_GROUP_ARN" \
    --query 'TargetGroups[0].LoadBalancerArns[0]' --output text) == "$NLB_ARN" ]]
