aws elbv2 create-listener --load-balancer-arn "$NLB_ARN" --port 80 --protocol TCP \
    --default-actions "Type=forward,TargetGroupArn=$TARGET_GROUP_ARN" \
    --query 'Listeners[0].[Port, Protocol]' --output text
