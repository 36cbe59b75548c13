aws apigateway put-method --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" \
  --http-method OPTIONS --authorization-type NONE --query httpMethod --output text
aws apigateway put-integration --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" \
  --http-method OPTIONS --type MOCK \
  --request-templates '{"application/json": "{\"statusCode\": 200}"}' \
  --query type --output text
aws apigateway put-method-response --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" \
  --http-method OPTIONS --status-code 200 \
  --response-parameters file://cors-method-response.json --query statusCode --output text
aws apigateway put-integration-response --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" \
  --http-method OPTIONS --status-code 200 \
  --response-parameters file://cors-integration-response.json --query statusCode --output text
