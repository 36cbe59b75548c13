# Deliver to the bucket under clicks/, in one object per minute (or per MiB) of records.
aws firehose create-delivery-stream --delivery-stream-name MysfitsClickStream \
    --delivery-stream-type DirectPut \
    --extended-s3-destination-configuration \
    "RoleARN=$FIREHOSE_ROLE_ARN,BucketARN=arn:aws:s3:::$CLICKS_BUCKET,Prefix=clicks/,BufferingHints={SizeInMBs=1,IntervalInSeconds=60}" \
    --query DeliveryStreamARN --output text
# The stream takes a minute or so to become ACTIVE: ask every 10 seconds while CREATING.
while status=$(aws firehose describe-delivery-stream --delivery-stream-name MysfitsClickStream \
        --query DeliveryStreamDescription.DeliveryStreamStatus --output text) \
        && [[ $status == CREATING ]]; do
    sleep 10
done
echo "$status"
