[[ $(aws apigateway get-vpc-link --vpc-link-id "$VPC_LINK_ID" --output text \
    --query '[name, targetArns[0]]') == "MysfitsApiVpcLink"$'\t'"$NLB_ARN" ]]
