RESOURCE_ID=$(aws apigateway create-resource --rest-api-id "$API_ID" \
  --parent-id "$ROOT_ID" --path-part FAQ --query id --output text)
aws apigateway put-method --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" \
  --http-method GET --authorization-type NONE
