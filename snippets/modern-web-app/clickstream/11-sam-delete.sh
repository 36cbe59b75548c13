# The SAM stack, if you deployed it: SAM empties nothing, so empty its bucket first.
aws s3 rm "s3://$(aws cloudformation describe-stacks --stack-name MythicalMysfitsStreamingStack \
    --query "Stacks[0].Outputs[?OutputKey=='ClicksBucketName'].OutputValue" --output text)" --recursive
sam delete --stack-name MythicalMysfitsStreamingStack --no-prompts
