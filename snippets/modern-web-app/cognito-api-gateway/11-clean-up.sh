# The API first (it uses the VPC link), then the link, then the user pool and its client.
aws apigateway delete-rest-api --rest-api-id "$API_ID"
aws apigateway delete-vpc-link --vpc-link-id "$VPC_LINK_ID"
aws cognito-idp delete-user-pool-client --user-pool-id "$USER_POOL_ID" --client-id "$CLIENT_ID"
aws cognito-idp delete-user-pool --user-pool-id "$USER_POOL_ID"
