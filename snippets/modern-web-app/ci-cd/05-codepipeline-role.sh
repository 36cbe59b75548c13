CODEPIPELINE_ROLE_ARN=$(aws iam create-role --role-name MythicalMysfitsServiceCodePipelineRole \
    --assume-role-policy-document '{
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "codepipeline.amazonaws.com"},
        "Action": "sts:AssumeRole"
      }]
    }' \
    --query Role.Arn --output text)
aws iam put-role-policy --role-name MythicalMysfitsServiceCodePipelineRole \
    --policy-name MythicalMysfitsServiceCodePipelinePolicy --policy-document file://codepipeline-policy.json
echo "$CODEPIPELINE_ROLE_ARN"
