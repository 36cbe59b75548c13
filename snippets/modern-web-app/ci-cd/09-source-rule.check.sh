# The rule's one target is this pipeline, started with the events role.
[[ $(aws events list-targets-by-rule --rule MythicalMysfitsServiceSourceChange --output text \
    --query 'Targets[].[Arn, RoleArn]') == "$PIPELINE_ARN"$'\t'"$EVENTS_ROLE_ARN" ]]
[[ $(aws events describe-rule --name MythicalMysfitsServiceSourceChange --query State --output text) == ENABLED ]]
