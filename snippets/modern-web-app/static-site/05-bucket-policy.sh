# Put the bucket's name into the policy, then attach the policy to the bucket.
sed "s/BUCKET_NAME/$BUCKET_NAME/" policy.json > bucket-policy.json
aws s3api put-bucket-policy --bucket "$BUCKET_NAME" --policy file://bucket-policy.json
aws s3api get-bucket-policy --bucket "$BUCKET_NAME" --query Policy --output text
