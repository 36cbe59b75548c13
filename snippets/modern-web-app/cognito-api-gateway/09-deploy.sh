aws apigateway create-deployment --rest-api-id "$API_ID" --stage-name prod \
    --description "Mythical Mysfits API" --query description --output text
# The invoke URL: https://API_ID.execute-api.REGION.amazonaws.com/STAGE
REGION=$(cut -d: -f4 <<< "$USER_POOL_ARN")
API_URL="https://$API_ID.execute-api.$REGION.amazonaws.com/prod"
echo "$API_URL/mysfits"
