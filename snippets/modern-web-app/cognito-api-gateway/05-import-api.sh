# The pool's ARN, for the authorizer; then this account's values into the definition.
USER_POOL_ARN=$(aws cognito-idp describe-user-pool --user-pool-id "$USER_POOL_ID" \
    --query UserPool.Arn --output text)
sed -e "s|NLB_DNS|$NLB_DNS|g" -e "s|VPC_LINK_ID|$VPC_LINK_ID|g" -e "s|USER_POOL_ARN|$USER_POOL_ARN|g" \
    api-swagger.json > api-swagger-filled.json
API_ID=$(aws apigateway import-rest-api --parameters endpointConfigurationTypes=REGIONAL \
    --fail-on-warnings --body fileb://api-swagger-filled.json --query id --output text)
aws apigateway get-rest-api --rest-api-id "$API_ID" --query name --output text
