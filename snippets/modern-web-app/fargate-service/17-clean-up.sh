# The service first (--force: without scaling it to 0 first), then what it used.
aws ecs delete-service --cluster MythicalMysfits-Cluster --service MythicalMysfits-Service \
    --force --query 'service.serviceName' --output text
aws ecs wait services-inactive --cluster MythicalMysfits-Cluster --services MythicalMysfits-Service
aws ecs deregister-task-definition --task-definition mythicalmysfitsservice:1 \
    --query 'taskDefinition.status' --output text
aws ecs delete-cluster --cluster MythicalMysfits-Cluster --query 'cluster.status' --output text
# Deleting the load balancer deletes its listener; the target group can go after it.
aws elbv2 delete-load-balancer --load-balancer-arn "$NLB_ARN"
aws elbv2 wait load-balancers-deleted --load-balancer-arns "$NLB_ARN"
aws elbv2 delete-target-group --target-group-arn "$TARGET_GROUP_ARN"
aws ecr delete-repository --repository-name mythicalmysfits/service --force \
    --query 'repository.repositoryName' --output text
aws logs delete-log-group --log-group-name mythicalmysfits-logs
