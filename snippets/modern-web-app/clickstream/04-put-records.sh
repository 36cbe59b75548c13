# AWS CLI version 2 reads binary values (a record's Data) as base64 unless told otherwise;
# version 1 takes them as they are and has no such option.
[[ $(aws --version 2>&1) == aws-cli/1.* ]] || RAW_BINARY=(--cli-binary-format raw-in-base64-out)
aws firehose put-record-batch --cli-input-json file://clicks.json "${RAW_BINARY[@]}" \
    --query FailedPutCount
