sed -e "s/images-123456789012/$BUCKET/g" \
  -e 's|holiday+photos/caf%C3%A9+terrace.jpg|HappyFace.jpg|' s3-put-event.json > happyface-event.json
aws lambda invoke --function-name Create-Thumbnail \
  --cli-binary-format raw-in-base64-out --payload file://happyface-event.json \
  response.json
cat response.json
