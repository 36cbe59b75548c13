[[ $POOL_ARN == "arn:aws:cognito-idp:$REGION:$ACCOUNT_ID:userpool/$POOL_ID" ]]
# The app client belongs to the pool and has no secret (a browser cannot keep one).
[[ $(aws cognito-idp describe-user-pool-client --user-pool-id "$POOL_ID" --client-id "$CLIENT_ID" \
  --query 'UserPoolClient.[ClientName, ClientSecret]' --output text) == $'WildRydesWebApp\tNone' ]]
