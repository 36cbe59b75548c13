aws cloudformation describe-stacks --stack-name MythicalMysfitsCoreStack \
    --query 'Stacks[0].StackStatus' --output text
