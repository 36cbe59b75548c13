aws s3api put-bucket-policy --bucket "$BUCKET" --policy file://bucket-policy.json
aws s3api get-bucket-policy --bucket "$BUCKET" --query Policy --output text > policy-from-s3.json
diff <(jq --sort-keys . bucket-policy.json) <(jq --sort-keys . policy-from-s3.json) \
  && echo "The bucket's policy is bucket-policy.json"
