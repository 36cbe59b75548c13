if grep -E 'NLB_DNS|VPC_LINK_ID|USER_POOL_ARN' api-swagger-filled.json; then exit 1; fi
[[ $(aws apigateway get-rest-apis --query "items[?id=='$API_ID'].description" --output text) == *"VPC link"* ]]
