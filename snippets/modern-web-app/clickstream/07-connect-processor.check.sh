# The stream's processor is the function just created, and the function is the page's handler.
[[ $(aws firehose describe-delivery-stream --delivery-stream-name MysfitsClickStream --output text \
    --query 'DeliveryStreamDescription.Destinations[0].ExtendedS3DestinationDescription.ProcessingConfiguration.[Enabled, Processors[0].Parameters[0].ParameterValue]') \
   == $'True\t'"$PROCESSOR_ARN" ]]
[[ $(aws lambda get-function-configuration --function-name "$PROCESSOR_ARN" --query Handler --output text) == streamProcessor.process_record ]]
