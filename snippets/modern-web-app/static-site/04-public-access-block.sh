# Keep ACLs blocked, but allow a public bucket policy on this bucket.
aws s3api put-public-access-block --bucket "$BUCKET_NAME" \
    --public-access-block-configuration \
    BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false
aws s3api get-public-access-block --bucket "$BUCKET_NAME"
