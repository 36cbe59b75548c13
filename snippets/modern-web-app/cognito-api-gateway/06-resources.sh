# Each resource (path) of the API and its methods.
aws apigateway get-resources --rest-api-id "$API_ID" --output text \
    --query 'sort_by(items, &path)[].[path, join(`,`, sort(keys(resourceMethods || `{}`)))]'
