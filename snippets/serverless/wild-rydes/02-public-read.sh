aws s3api put-public-access-block --bucket "$BUCKET" \
  --public-access-block-configuration \
  BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false
cat > website-policy.json <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "PublicReadForWebsite",
      "Effect": "Allow",
      "Principal": "*",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::$BUCKET/*"
    }
  ]
}
JSON
aws s3api put-bucket-policy --bucket "$BUCKET" --policy file://website-policy.json
# The regions that opened before 2014 write the website endpoint with a dash, later ones with a dot.
case $REGION in
  us-east-1 | us-west-1 | us-west-2 | eu-west-1 | ap-southeast-1 | ap-southeast-2 | ap-northeast-1 | sa-east-1)
    WEBSITE_URL="http://$BUCKET.s3-website-$REGION.amazonaws.com" ;;
  *)
    WEBSITE_URL="http://$BUCKET.s3-website.$REGION.amazonaws.com" ;;
esac
echo "$WEBSITE_URL"
