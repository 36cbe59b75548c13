# No bucket of that name is left.
test "$(aws s3api list-buckets --query "length(Buckets[?Name=='$BUCKET_NAME'])")" = 0
