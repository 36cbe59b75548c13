# SAM packages the whole CodeUri folder: give the function a folder of its own.
mkdir -p stream-processor
cp streamProcessor.py stream-processor/
# Package the function and create (or update) the stack; the roles have generated names.
sam build
sam deploy --stack-name MythicalMysfitsStreamingStack --capabilities CAPABILITY_IAM --resolve-s3
aws cloudformation describe-stacks --stack-name MythicalMysfitsStreamingStack \
    --query 'Stacks[0].Outputs[].[OutputKey, OutputValue]' --output text
