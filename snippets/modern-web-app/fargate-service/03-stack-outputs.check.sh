# Four different subnets, all in the stack's VPC; the public ones in two different zones.
subnets=("$PUBLIC_SUBNET_ONE" "$PUBLIC_SUBNET_TWO" "$PRIVATE_SUBNET_ONE" "$PRIVATE_SUBNET_TWO")
[[ $(printf '%s\n' "${subnets[@]}" | sort -u | wc -l) == 4 ]]
[[ $(aws ec2 describe-subnets --subnet-ids "${subnets[@]}" --query 'Subnets[].VpcId' --output text | tr '\t' '\n' | sort -u) == "$VPC_ID" ]]
[[ $(aws ec2 describe-subnets --subnet-ids "$PUBLIC_SUBNET_ONE" "$PUBLIC_SUBNET_TWO" \
    --query 'Subnets[].AvailabilityZone' --output text | tr '\t' '\n' | sort -u | wc -l) == 2 ]]
# The security group lets in TCP 8080 from the VPC's range only.
[[ $(aws ec2 describe-security-groups --group-ids "$SECURITY_GROUP_ID" --output text \
    --query 'SecurityGroups[0].IpPermissions[].[IpProtocol, FromPort, ToPort, IpRanges[0].CidrIp]') == $'tcp\t8080\t8080\t10.0.0.0/16' ]]
