API_ID=$(aws apigateway create-rest-api --name WildRydes \
  --endpoint-configuration types=EDGE --query id --output text)
ROOT_ID=$(aws apigateway get-resources --rest-api-id "$API_ID" \
  --query 'items[?path==`/`].id' --output text)
AUTHORIZER_ID=$(aws apigateway create-authorizer --rest-api-id "$API_ID" \
  --name WildRydes --type COGNITO_USER_POOLS --provider-arns "$POOL_ARN" \
  --identity-source method.request.header.Authorization \
  --query id --output text)
echo "API $API_ID, authorizer $AUTHORIZER_ID"
