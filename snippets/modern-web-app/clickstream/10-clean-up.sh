# The stream first (it uses the function, the role and the bucket), then what it used.
aws firehose delete-delivery-stream --delivery-stream-name MysfitsClickStream
while aws firehose describe-delivery-stream --delivery-stream-name MysfitsClickStream \
        > /dev/null 2>&1; do
    sleep 10
done
aws lambda delete-function --function-name MysfitsStreamProcessor
# A role's policies go before the role.
aws iam delete-role-policy --role-name MysfitsStreamProcessorRole --policy-name ReadMysfits
aws iam detach-role-policy --role-name MysfitsStreamProcessorRole \
    --policy-arn arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
aws iam delete-role --role-name MysfitsStreamProcessorRole
aws iam delete-role-policy --role-name MysfitsClicksDeliveryRole --policy-name InvokeStreamProcessor
aws iam delete-role-policy --role-name MysfitsClicksDeliveryRole --policy-name MysfitsClicksDelivery
aws iam delete-role --role-name MysfitsClicksDeliveryRole
# --force deletes the delivered objects first: a bucket must be empty to be deleted.
aws s3 rb "s3://$CLICKS_BUCKET" --force
