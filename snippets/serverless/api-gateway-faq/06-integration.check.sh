# API Gateway may call the function, for GET /FAQ of this API only.
aws lambda get-policy --function-name FAQ --query Policy --output text | python3 -c '
import json, sys
(statement,) = json.load(sys.stdin)["Statement"]
assert statement["Principal"] == {"Service": "apigateway.amazonaws.com"}, statement
assert statement["Condition"]["ArnLike"]["AWS:SourceArn"].endswith(":'"$API_ID"'/*/GET/FAQ"), statement
'
