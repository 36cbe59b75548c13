aws ecs describe-services --cluster MythicalMysfits-Cluster --services MythicalMysfits-Service \
    --query 'services[0].[taskDefinition, loadBalancers[0].containerName, loadBalancers[0].containerPort, networkConfiguration.awsvpcConfiguration.assignPublicIp]' \
    --output text
