CLIENT_ID=$(aws cognito-idp create-user-pool-client --user-pool-id "$USER_POOL_ID" \
    --client-name MysfitsUserPoolClient --query UserPoolClient.ClientId --output text)
aws cognito-idp describe-user-pool-client --user-pool-id "$USER_POOL_ID" --client-id "$CLIENT_ID" \
    --query 'UserPoolClient.[ClientName, ClientSecret]' --output text
