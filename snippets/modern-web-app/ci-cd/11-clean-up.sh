# The rule (its targets first), then the pipeline and the build project.
aws events remove-targets --rule MythicalMysfitsServiceSourceChange \
    --ids MythicalMysfitsServiceCICDPipeline --query FailedEntryCount
aws events delete-rule --name MythicalMysfitsServiceSourceChange
aws codepipeline delete-pipeline --name MythicalMysfitsServiceCICDPipeline
aws codebuild delete-project --name MythicalMysfitsServiceCodeBuildProject
# The builds' logs, if any build ran.
for group in $(aws logs describe-log-groups --output text --query 'logGroups[].logGroupName' \
    --log-group-name-prefix /aws/codebuild/MythicalMysfitsServiceCodeBuildProject); do
    aws logs delete-log-group --log-group-name "$group"
done
# The three roles: a role's inline policy goes before the role.
aws iam delete-role-policy --role-name MythicalMysfitsServiceEventsRole \
    --policy-name MythicalMysfitsServiceStartPipelinePolicy
aws iam delete-role --role-name MythicalMysfitsServiceEventsRole
aws iam delete-role-policy --role-name MythicalMysfitsServiceCodePipelineRole \
    --policy-name MythicalMysfitsServiceCodePipelinePolicy
aws iam delete-role --role-name MythicalMysfitsServiceCodePipelineRole
aws iam delete-role-policy --role-name MythicalMysfitsServiceCodeBuildRole \
    --policy-name MythicalMysfitsServiceCodeBuildPolicy
aws iam delete-role --role-name MythicalMysfitsServiceCodeBuildRole
# The artifacts bucket (--force empties it first), then the repository and its code.
aws s3 rb "s3://$ARTIFACTS_BUCKET" --force
aws codecommit delete-repository --repository-name MythicalMysfitsService-Repository \
    --query repositoryId --output text
