NLB=$(aws elbv2 create-load-balancer --name mysfits-nlb --scheme internet-facing --type network \
    --subnets "$PUBLIC_SUBNET_ONE" "$PUBLIC_SUBNET_TWO" \
    --query 'LoadBalancers[0].[LoadBalancerArn, DNSName]' --output text)
read -r NLB_ARN NLB_DNS <<< "$NLB"
echo "$NLB_DNS"
