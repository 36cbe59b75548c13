aws ecs create-service --cluster MythicalMysfits-Cluster --service-name MythicalMysfits-Service \
    --task-definition mythicalmysfitsservice --launch-type FARGATE --desired-count 1 \
    --network-configuration "awsvpcConfiguration={subnets=[$PRIVATE_SUBNET_ONE,$PRIVATE_SUBNET_TWO],securityGroups=[$SECURITY_GROUP_ID],assignPublicIp=DISABLED}" \
    --load-balancers "targetGroupArn=$TARGET_GROUP_ARN,containerName=MythicalMysfits-Service,containerPort=8080" \
    --query 'service.[serviceName, status, launchType, desiredCount]' --output text
