API_ID=$(aws apigateway create-rest-api --name FAQ-API \
  --endpoint-configuration types=REGIONAL --query id --output text)
ROOT_ID=$(aws apigateway get-resources --rest-api-id "$API_ID" \
  --query 'items[?path==`/`].id' --output text)
echo "API $API_ID, root resource $ROOT_ID"
