aws apigateway get-authorizers --rest-api-id "$API_ID" \
  --query 'items[].[name, type, identitySource]' --output text
aws apigateway get-resources --rest-api-id "$API_ID" \
  --query 'items[?path==`/ride`].resourceMethods.POST.[httpMethod, authorizationType, methodIntegration.type]' \
  --output text
aws apigateway get-stages --rest-api-id "$API_ID" --query 'item[].stageName' --output text
