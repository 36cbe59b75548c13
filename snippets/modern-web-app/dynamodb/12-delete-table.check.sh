[[ $(aws dynamodb list-tables --query 'length(TableNames)') == 0 ]]
[[ $(aws ecr describe-repositories --query 'length(repositories)') == 0 ]]
[[ $(aws ecs list-clusters --query 'length(clusterArns)') == 0 || \
   $(aws ecs describe-clusters --clusters MythicalMysfits-Cluster --query 'clusters[0].status' --output text) == INACTIVE ]]
[[ $(aws ec2 describe-vpcs --filters Name=cidr,Values=10.0.0.0/16 --query 'length(Vpcs)') == 0 ]]
