aws apigateway create-deployment --rest-api-id "$API_ID" \
  --stage-name prod --query id --output text > /dev/null
INVOKE_URL="https://$API_ID.execute-api.$REGION.amazonaws.com/prod"
echo "$INVOKE_URL"
