USER_POOL_ID=$(aws cognito-idp create-user-pool --pool-name MysfitsUserPool \
    --auto-verified-attributes email --query UserPool.Id --output text)
echo "$USER_POOL_ID"
