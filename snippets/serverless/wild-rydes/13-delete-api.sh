aws apigateway delete-rest-api --rest-api-id "$API_ID"
