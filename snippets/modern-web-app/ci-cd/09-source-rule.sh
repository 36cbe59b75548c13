# A rule that matches pushes to the repository's main branch...
REPOSITORY_ARN=$(aws codecommit get-repository --repository-name MythicalMysfitsService-Repository \
    --query repositoryMetadata.Arn --output text)
sed "s|REPOSITORY_ARN|$REPOSITORY_ARN|" source-change-pattern.json > source-change-pattern-filled.json
aws events put-rule --name MythicalMysfitsServiceSourceChange \
    --event-pattern file://source-change-pattern-filled.json --query RuleArn --output text
# ...and starts the pipeline, with the role above, for each one.
PIPELINE_ARN=$(aws codepipeline get-pipeline --name MythicalMysfitsServiceCICDPipeline \
    --query metadata.pipelineArn --output text)
aws events put-targets --rule MythicalMysfitsServiceSourceChange \
    --targets "Id=MythicalMysfitsServiceCICDPipeline,Arn=$PIPELINE_ARN,RoleArn=$EVENTS_ROLE_ARN" \
    --query FailedEntryCount
