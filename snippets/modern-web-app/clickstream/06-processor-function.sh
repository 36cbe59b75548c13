# The function's role: Lambda may assume it, to write its logs and read MysfitsTable.
PROCESSOR_ROLE_ARN=$(aws iam create-role --role-name MysfitsStreamProcessorRole \
    --assume-role-policy-document '{
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "lambda.amazonaws.com"},
        "Action": "sts:AssumeRole"
      }]
    }' \
    --query Role.Arn --output text)
aws iam attach-role-policy --role-name MysfitsStreamProcessorRole \
    --policy-arn arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
aws iam put-role-policy --role-name MysfitsStreamProcessorRole \
    --policy-name ReadMysfits --policy-document file://processor-policy.json
# A new role takes a few seconds to be usable by Lambda: retry while it is refused.
zip --quiet stream-processor.zip streamProcessor.py
until PROCESSOR_ARN=$(aws lambda create-function --function-name MysfitsStreamProcessor \
        --runtime python3.14 --handler streamProcessor.process_record --timeout 60 \
        --role "$PROCESSOR_ROLE_ARN" --zip-file fileb://stream-processor.zip \
        --query FunctionArn --output text 2> create-function.err); do
    grep --quiet 'cannot be assumed' create-function.err || { cat create-function.err >&2; exit 1; }
    sleep 5
done
rm create-function.err
echo "$PROCESSOR_ARN"
