aws codebuild create-project --cli-input-json file://code-build-project.json \
    --service-role "$CODEBUILD_ROLE_ARN" \
    --source "type=CODECOMMIT,location=$CLONE_URL,buildspec=buildspec.yml" \
    --query 'project.[name, environment.image, environment.privilegedMode]' --output text
