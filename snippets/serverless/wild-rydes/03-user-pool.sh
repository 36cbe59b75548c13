POOL_ID=$(aws cognito-idp create-user-pool --pool-name WildRydes \
  --auto-verified-attributes email --query UserPool.Id --output text)
POOL_ARN=$(aws cognito-idp describe-user-pool --user-pool-id "$POOL_ID" \
  --query UserPool.Arn --output text)
CLIENT_ID=$(aws cognito-idp create-user-pool-client --user-pool-id "$POOL_ID" \
  --client-name WildRydesWebApp --no-generate-secret \
  --query UserPoolClient.ClientId --output text)
echo "userPoolId: $POOL_ID"
echo "userPoolClientId: $CLIENT_ID"
echo "region: $REGION"
