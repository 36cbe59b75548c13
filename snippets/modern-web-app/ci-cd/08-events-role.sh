# A role that EventBridge (and only EventBridge) may take on, to start the pipeline.
EVENTS_ROLE_ARN=$(aws iam create-role --role-name MythicalMysfitsServiceEventsRole \
    --assume-role-policy-document '{
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "events.amazonaws.com"},
        "Action": "sts:AssumeRole"
      }]
    }' \
    --query Role.Arn --output text)
aws iam put-role-policy --role-name MythicalMysfitsServiceEventsRole \
    --policy-name MythicalMysfitsServiceStartPipelinePolicy --policy-document file://start-pipeline-policy.json
echo "$EVENTS_ROLE_ARN"
