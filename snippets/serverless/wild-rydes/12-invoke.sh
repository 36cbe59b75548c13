aws lambda invoke --function-name RequestUnicorn \
  --cli-binary-format raw-in-base64-out --payload file://ride-test-event.json \
  response.json
cat response.json; echo
aws dynamodb scan --table-name Rides --query 'Items[].[User.S, UnicornName.S]' --output text
