# Put this account's values into the definition, then register it.
sed -e "s|EXECUTION_ROLE_ARN|$EXECUTION_ROLE_ARN|" \
    -e "s|TASK_ROLE_ARN|$TASK_ROLE_ARN|" \
    -e "s|IMAGE_URI|$IMAGE_URI:latest|" \
    -e "s|AWS_REGION|$REGION|" \
    task-definition.json > task-definition-filled.json
aws ecs register-task-definition --cli-input-json file://task-definition-filled.json \
    --query 'taskDefinition.[family, revision, requiresCompatibilities[0], networkMode, cpu, memory]' \
    --output text
