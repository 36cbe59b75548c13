# Every marker was replaced, and ECS holds this account's image and roles.
if grep -E 'EXECUTION_ROLE_ARN|TASK_ROLE_ARN|IMAGE_URI|AWS_REGION' task-definition-filled.json; then exit 1; fi
[[ $(aws ecs describe-task-definition --task-definition mythicalmysfitsservice --output text \
    --query 'taskDefinition.[containerDefinitions[0].image, executionRoleArn, taskRoleArn, containerDefinitions[0].logConfiguration.options."awslogs-region"]') \
   == "$IMAGE_URI:latest"$'\t'"$EXECUTION_ROLE_ARN"$'\t'"$TASK_ROLE_ARN"$'\t'"$REGION" ]]
# The tasks run on x86-64 Linux, the platform the image was built for.
[[ $(aws ecs describe-task-definition --task-definition mythicalmysfitsservice --output text \
    --query 'taskDefinition.runtimePlatform.[cpuArchitecture, operatingSystemFamily]') == $'X86_64\tLINUX' ]]
