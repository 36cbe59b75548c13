# Put this account's role and bucket into the definition, then create the pipeline.
sed -e "s|CODEPIPELINE_ROLE_ARN|$CODEPIPELINE_ROLE_ARN|" -e "s|ARTIFACTS_BUCKET|$ARTIFACTS_BUCKET|" \
    code-pipeline.json > code-pipeline-filled.json
aws codepipeline create-pipeline --cli-input-json file://code-pipeline-filled.json \
    --query 'pipeline.[name, version]' --output text
