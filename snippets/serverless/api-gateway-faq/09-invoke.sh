aws lambda invoke --function-name FAQ \
  --cli-binary-format raw-in-base64-out --payload file://get-faq-event.json \
  response.json
cat response.json
