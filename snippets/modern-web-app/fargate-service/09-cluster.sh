aws ecs create-cluster --cluster-name MythicalMysfits-Cluster \
    --query 'cluster.[clusterName, status]' --output text
aws logs create-log-group --log-group-name mythicalmysfits-logs
