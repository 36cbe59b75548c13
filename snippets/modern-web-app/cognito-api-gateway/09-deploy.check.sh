[[ $(aws apigateway get-stages --rest-api-id "$API_ID" --query 'item[].stageName' --output text) == prod ]]
