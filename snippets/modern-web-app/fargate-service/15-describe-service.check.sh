# The service's tasks go in the two private subnets, behind the stack's security group,
# registered in the load balancer's target group.
[[ $(aws ecs describe-services --cluster MythicalMysfits-Cluster --services MythicalMysfits-Service \
    --output text --query 'services[0].[loadBalancers[0].targetGroupArn, join(`,`, sort(networkConfiguration.awsvpcConfiguration.subnets)), networkConfiguration.awsvpcConfiguration.securityGroups[0]]') \
   == "$TARGET_GROUP_ARN"$'\t'"$(printf '%s\n' "$PRIVATE_SUBNET_ONE" "$PRIVATE_SUBNET_TWO" | sort | paste -sd,)"$'\t'"$SECURITY_GROUP_ID" ]]
