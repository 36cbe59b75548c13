[[ $(aws apigateway get-integration --rest-api-id "$API_ID" --resource-id "$MYSFITS_RESOURCE_ID" \
    --http-method GET --query uri --output text) == "http://$NLB_DNS/mysfits" ]]
