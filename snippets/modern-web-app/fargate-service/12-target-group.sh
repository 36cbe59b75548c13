TARGET_GROUP_ARN=$(aws elbv2 create-target-group --name MythicalMysfits-TargetGroup \
    --port 8080 --protocol TCP --target-type ip --vpc-id "$VPC_ID" \
    --health-check-interval-seconds 10 --health-check-path / --health-check-protocol HTTP \
    --healthy-threshold-count 3 --unhealthy-threshold-count 3 \
    --query 'TargetGroups[0].TargetGroupArn' --output text)
aws elbv2 describe-target-groups --target-group-arns "$TARGET_GROUP_ARN" --output text \
    --query 'TargetGroups[0].[Protocol, Port, TargetType, HealthCheckProtocol, HealthCheckPath]'
