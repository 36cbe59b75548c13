[[ $(aws logs describe-log-groups --log-group-name-prefix mythicalmysfits-logs \
    --query 'logGroups[].logGroupName' --output text) == mythicalmysfits-logs ]]
