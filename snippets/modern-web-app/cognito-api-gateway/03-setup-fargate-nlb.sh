# The NLB that the Fargate page created, found by its name.
NLB=$(aws elbv2 describe-load-balancers --names mysfits-nlb \
    --query 'LoadBalancers[0].[LoadBalancerArn, DNSName]' --output text)
read -r NLB_ARN NLB_DNS <<< "$NLB"
echo "$NLB_DNS"
