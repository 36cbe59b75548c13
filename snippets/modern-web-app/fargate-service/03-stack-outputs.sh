# All the stack's outputs in one call, as lines of "key value".
STACK_OUTPUTS=$(aws cloudformation describe-stacks --stack-name MythicalMysfitsCoreStack \
    --query 'Stacks[0].Outputs[].[OutputKey, OutputValue]' --output text)
stack_output() { awk -v key="$1" '$1 == key { print $2 }' <<< "$STACK_OUTPUTS"; }

REGION=$(stack_output Region)
VPC_ID=$(stack_output VPCId)
PUBLIC_SUBNET_ONE=$(stack_output PublicSubnetOne)
PUBLIC_SUBNET_TWO=$(stack_output PublicSubnetTwo)
PRIVATE_SUBNET_ONE=$(stack_output PrivateSubnetOne)
PRIVATE_SUBNET_TWO=$(stack_output PrivateSubnetTwo)
SECURITY_GROUP_ID=$(stack_output FargateContainerSecurityGroup)
EXECUTION_ROLE_ARN=$(stack_output EcsTaskExecutionRoleArn)
TASK_ROLE_ARN=$(stack_output EcsTaskRoleArn)

echo "VPC $VPC_ID in $REGION"
echo "public subnets $PUBLIC_SUBNET_ONE $PUBLIC_SUBNET_TWO"
echo "private subnets $PRIVATE_SUBNET_ONE $PRIVATE_SUBNET_TWO"
echo "security group $SECURITY_GROUP_ID"
echo "roles $EXECUTION_ROLE_ARN $TASK_ROLE_ARN"
