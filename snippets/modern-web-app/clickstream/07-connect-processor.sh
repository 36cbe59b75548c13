# Firehose's role may now invoke the function...
aws iam put-role-policy --role-name MysfitsClicksDeliveryRole --policy-name InvokeStreamProcessor \
    --policy-document "{
      \"Version\": \"2012-10-17\",
      \"Statement\": [{
        \"Effect\": \"Allow\",
        \"Action\": [\"lambda:InvokeFunction\", \"lambda:GetFunctionConfiguration\"],
        \"Resource\": \"$PROCESSOR_ARN\"
      }]
    }"
# ...and the stream hands it every batch before delivery. An update names the stream's
# current version and its destination, as read from the stream itself.
read -r VERSION_ID DESTINATION_ID <<< "$(aws firehose describe-delivery-stream \
    --delivery-stream-name MysfitsClickStream --output text \
    --query 'DeliveryStreamDescription.[VersionId, Destinations[0].DestinationId]')"
aws firehose update-destination --delivery-stream-name MysfitsClickStream \
    --current-delivery-stream-version-id "$VERSION_ID" --destination-id "$DESTINATION_ID" \
    --extended-s3-destination-update \
    "ProcessingConfiguration={Enabled=true,Processors=[{Type=Lambda,Parameters=[{ParameterName=LambdaArn,ParameterValue=$PROCESSOR_ARN}]}]}"
aws firehose describe-delivery-stream --delivery-stream-name MysfitsClickStream --output text \
    --query 'DeliveryStreamDescription.Destinations[0].ExtendedS3DestinationDescription.ProcessingConfiguration.Processors[0].[Type, Parameters[0].ParameterName]'
