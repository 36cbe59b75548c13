# The pipeline keeps its artifacts in this account's bucket and acts with its own role.
[[ $(aws codepipeline get-pipeline --name MythicalMysfitsServiceCICDPipeline --output text \
    --query 'pipeline.[artifactStore.location, roleArn]') == "$ARTIFACTS_BUCKET"$'\t'"$CODEPIPELINE_ROLE_ARN" ]]
