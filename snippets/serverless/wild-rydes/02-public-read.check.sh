# The stored policy is the one written, and it lets anyone read objects of this bucket only.
aws s3api get-bucket-policy --bucket "$BUCKET" --query Policy --output text | python3 -c '
import json, sys
stored, written = json.load(sys.stdin), json.load(open("website-policy.json"))
assert stored == written, (stored, written)
(statement,) = stored["Statement"]
assert statement["Principal"] == "*" and statement["Action"] == "s3:GetObject", statement
assert statement["Resource"] == "arn:aws:s3:::'"$BUCKET"'/*", statement
'
[[ $(aws s3api get-public-access-block --bucket "$BUCKET" \
  --query 'PublicAccessBlockConfiguration.[BlockPublicPolicy, RestrictPublicBuckets]' --output text) == $'False\tFalse' ]]
