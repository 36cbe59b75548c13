[[ $(aws elbv2 describe-load-balancers --load-balancer-arns "$NLB_ARN" --output text \
    --query 'LoadBalancers[0].[Type, Scheme, VpcId, length(AvailabilityZones)]') \
   == $'network\tinternet-facing\t'"$VPC_ID"$'\t2' ]]
