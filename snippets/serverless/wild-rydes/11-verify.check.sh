# The authorizer trusts this user pool; POST /ride uses that authorizer and calls RequestUnicorn.
[[ $(aws apigateway get-authorizer --rest-api-id "$API_ID" --authorizer-id "$AUTHORIZER_ID" \
  --query 'providerARNs[0]' --output text) == "$POOL_ARN" ]]
[[ $(aws apigateway get-method --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method POST \
  --query authorizerId --output text) == "$AUTHORIZER_ID" ]]
aws apigateway get-integration --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" \
  --http-method POST --query uri --output text | grep -qF "/functions/$FUNCTION_ARN/invocations"
aws lambda get-policy --function-name RequestUnicorn --query Policy --output text \
  | grep -qF "$API_ID/*/POST/ride"
