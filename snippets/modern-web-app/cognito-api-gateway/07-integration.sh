MYSFITS_RESOURCE_ID=$(aws apigateway get-resources --rest-api-id "$API_ID" \
    --query "items[?path=='/mysfits'].id" --output text)
aws apigateway get-integration --rest-api-id "$API_ID" --resource-id "$MYSFITS_RESOURCE_ID" \
    --http-method GET --query '[connectionType, httpMethod, uri]' --output text
