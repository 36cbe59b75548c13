# The notification targets the function, and the function holds exactly the page's zip.
[[ $(aws s3api get-bucket-notification-configuration --bucket "$BUCKET" \
  --query 'LambdaFunctionConfigurations[0].LambdaFunctionArn' --output text) == "$FUNCTION_ARN" ]]
[[ $(aws lambda get-function-configuration --function-name Create-Thumbnail \
  --query CodeSha256 --output text) == $(python3 -c '
import base64, hashlib
print(base64.b64encode(hashlib.sha256(open("function.zip", "rb").read()).digest()).decode())') ]]
unzip -p function.zip CreateThumbnail.py | cmp - CreateThumbnail.py
