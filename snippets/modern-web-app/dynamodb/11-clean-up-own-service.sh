aws ecs delete-service --cluster MythicalMysfits-Cluster --service MythicalMysfits-Service \
    --force --query service.serviceName --output text
aws ecs wait services-inactive --cluster MythicalMysfits-Cluster --services MythicalMysfits-Service
aws ecs deregister-task-definition --task-definition mythicalmysfitsservice:1 \
    --query taskDefinition.status --output text
aws ecs delete-cluster --cluster MythicalMysfits-Cluster --query cluster.status --output text
aws ecr delete-repository --repository-name mythicalmysfits/service --force \
    --query repository.repositoryName --output text
aws ec2 delete-security-group --group-id "$SECURITY_GROUP_ID"
aws ec2 delete-subnet --subnet-id "$SUBNET_ID"
aws ec2 delete-vpc --vpc-id "$VPC_ID"
