aws apigateway get-resources --rest-api-id "$API_ID" \
  --query 'items[?path==`/FAQ`].resourceMethods.GET.[httpMethod, authorizationType, methodIntegration.type]' \
  --output text
aws apigateway get-stages --rest-api-id "$API_ID" --query 'item[].stageName' --output text
