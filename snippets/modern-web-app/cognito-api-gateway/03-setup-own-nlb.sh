# A VPC with two subnets in two Availability Zones, and an internal NLB in them.
read -r ZONE_ONE ZONE_TWO <<< "$(aws ec2 describe-availability-zones \
    --query 'AvailabilityZones[0:2].ZoneName' --output text)"
VPC_ID=$(aws ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId --output text)
SUBNET_ONE=$(aws ec2 create-subnet --vpc-id "$VPC_ID" --cidr-block 10.0.0.0/24 \
    --availability-zone "$ZONE_ONE" --query Subnet.SubnetId --output text)
SUBNET_TWO=$(aws ec2 create-subnet --vpc-id "$VPC_ID" --cidr-block 10.0.1.0/24 \
    --availability-zone "$ZONE_TWO" --query Subnet.SubnetId --output text)
NLB=$(aws elbv2 create-load-balancer --name mysfits-nlb --scheme internal --type network \
    --subnets "$SUBNET_ONE" "$SUBNET_TWO" \
    --query 'LoadBalancers[0].[LoadBalancerArn, DNSName]' --output text)
read -r NLB_ARN NLB_DNS <<< "$NLB"
echo "$NLB_DNS"
