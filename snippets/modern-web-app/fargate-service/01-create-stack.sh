aws cloudformation create-stack --stack-name MythicalMysfitsCoreStack \
    --capabilities CAPABILITY_NAMED_IAM --template-body file://core.yml
# The NAT gateways take a few minutes: wait until the whole stack exists.
aws cloudformation wait stack-create-complete --stack-name MythicalMysfitsCoreStack
