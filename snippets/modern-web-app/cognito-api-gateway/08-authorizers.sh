aws apigateway get-authorizers --rest-api-id "$API_ID" --output text \
    --query 'items[].[name, type, providerARNs[0]]'
