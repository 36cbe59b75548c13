# A role that CodeBuild (and only CodeBuild) may take on...
CODEBUILD_ROLE_ARN=$(aws iam create-role --role-name MythicalMysfitsServiceCodeBuildRole \
    --assume-role-policy-document '{
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "codebuild.amazonaws.com"},
        "Action": "sts:AssumeRole"
      }]
    }' \
    --query Role.Arn --output text)
# ...allowed to do what the build needs, and no more.
aws iam put-role-policy --role-name MythicalMysfitsServiceCodeBuildRole \
    --policy-name MythicalMysfitsServiceCodeBuildPolicy --policy-document file://codebuild-policy.json
echo "$CODEBUILD_ROLE_ARN"
