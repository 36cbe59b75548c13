# The website endpoint of a bucket in us-east-1 (other Regions: see below).
echo "http://$BUCKET_NAME.s3-website-us-east-1.amazonaws.com"
