[[ $API_ID =~ ^[a-z0-9]{10}$ && -n $ROOT_ID ]]
[[ $(aws apigateway get-rest-api --rest-api-id "$API_ID" --query name --output text) == FAQ-API ]]
