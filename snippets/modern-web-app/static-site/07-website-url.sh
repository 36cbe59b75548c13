# The bucket's Region (get-bucket-location answers None for us-east-1).
REGION=$(aws s3api get-bucket-location --bucket "$BUCKET_NAME" --query LocationConstraint --output text)
if [ "$REGION" = None ]; then REGION=us-east-1; fi
# Nine early Regions write the website endpoint with a dash, all the others with a dot.
case "$REGION" in
    us-east-1 | us-west-1 | us-west-2 | eu-west-1 | ap-southeast-1 | ap-southeast-2 | ap-northeast-1 | sa-east-1 | us-gov-west-1)
        WEBSITE_ENDPOINT="s3-website-$REGION.amazonaws.com" ;;
    *)
        WEBSITE_ENDPOINT="s3-website.$REGION.amazonaws.com" ;;
esac
echo "http://$BUCKET_NAME.$WEBSITE_ENDPOINT"
