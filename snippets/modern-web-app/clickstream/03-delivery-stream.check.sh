[[ $(aws firehose describe-delivery-stream --delivery-stream-name MysfitsClickStream --output text \
    --query 'DeliveryStreamDescription.Destinations[0].ExtendedS3DestinationDescription.[BucketARN, RoleARN, Prefix]') \
   == "arn:aws:s3:::$CLICKS_BUCKET"$'\t'"$FIREHOSE_ROLE_ARN"$'\t'"clicks/" ]]
