# The integration calls this function; the stage serves the latest deployment.
aws apigateway get-integration --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" \
  --http-method GET --query uri --output text | grep -qF "/functions/$FUNCTION_ARN/invocations"
latest=$(aws apigateway get-deployments --rest-api-id "$API_ID" --query 'items[0].id' --output text)
[[ $(aws apigateway get-stage --rest-api-id "$API_ID" --stage-name myDeployment \
  --query deploymentId --output text) == "$latest" ]]
[[ $INVOKE_URL == "https://$API_ID.execute-api.us-east-1.amazonaws.com/myDeployment/FAQ" ]]
