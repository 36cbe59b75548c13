aws cognito-idp delete-user-pool --user-pool-id "$POOL_ID"
