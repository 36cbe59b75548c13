# The function's resource policy lets S3 invoke it, for this bucket and account only.
aws lambda get-policy --function-name Create-Thumbnail --query Policy --output text | python3 -c '
import json, sys
(statement,) = json.load(sys.stdin)["Statement"]
assert statement["Principal"] == {"Service": "s3.amazonaws.com"}, statement
assert statement["Action"] == "lambda:InvokeFunction", statement
assert statement["Condition"]["ArnLike"]["AWS:SourceArn"] == "arn:aws:s3:::'"$BUCKET"'", statement
assert statement["Condition"]["StringEquals"]["AWS:SourceAccount"] == "'"$ACCOUNT_ID"'", statement
'
