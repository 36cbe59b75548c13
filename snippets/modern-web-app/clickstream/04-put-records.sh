aws firehose put-record-batch --cli-input-json file://clicks.json \
    --cli-binary-format raw-in-base64-out --query FailedPutCount
