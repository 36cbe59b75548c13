[[ $(aws cognito-idp describe-user-pool --user-pool-id "$USER_POOL_ID" --output text \
    --query 'UserPool.[Name, AutoVerifiedAttributes[0]]') == $'MysfitsUserPool\temail' ]]
