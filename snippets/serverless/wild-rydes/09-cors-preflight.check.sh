# The preflight answers with the three CORS headers, exactly as written in the JSON file.
aws apigateway get-integration-response --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" \
  --http-method OPTIONS --status-code 200 --query responseParameters | python3 -c '
import json, sys
assert json.load(sys.stdin) == json.load(open("cors-integration-response.json"))
'
