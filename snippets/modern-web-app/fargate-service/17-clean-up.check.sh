[[ $(aws elbv2 describe-load-balancers --query "LoadBalancers[?LoadBalancerArn=='$NLB_ARN'] | length(@)") == 0 ]]
[[ $(aws ecr describe-repositories --query "repositories[?repositoryName=='mythicalmysfits/service'] | length(@)") == 0 ]]
[[ $(aws ecs describe-clusters --clusters MythicalMysfits-Cluster --query 'clusters[0].status' --output text) == INACTIVE ]]
