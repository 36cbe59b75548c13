VPC_LINK_ID=$(aws apigateway create-vpc-link --name MysfitsApiVpcLink \
    --target-arns "$NLB_ARN" --query id --output text)
# The link takes a few minutes to become AVAILABLE: ask every 15 seconds while PENDING.
while status=$(aws apigateway get-vpc-link --vpc-link-id "$VPC_LINK_ID" --query status --output text) \
        && [[ $status == PENDING ]]; do
    sleep 15
done
echo "$status"
