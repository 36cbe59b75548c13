[[ $(aws cloudformation list-stacks --stack-status-filter CREATE_COMPLETE \
    --query "StackSummaries[?StackName=='MythicalMysfitsCoreStack'] | length(@)") == 0 ]]
[[ $(aws elbv2 describe-load-balancers --query "LoadBalancers[?LoadBalancerArn=='$NLB_ARN'] | length(@)") == 0 ]]
