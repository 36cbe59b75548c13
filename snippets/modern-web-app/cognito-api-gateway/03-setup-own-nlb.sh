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
# Its listener forwards TCP 80 to a target group of IP addresses on port 8080: the
# Mysfits service's tasks, which the ECS service registers there (its --load-balancers).
TARGET_GROUP_ARN=$(aws elbv2 create-target-group --name MythicalMysfits-TargetGroup \
    --port 8080 --protocol TCP --target-type ip --vpc-id "$VPC_ID" \
    --query 'TargetGroups[0].TargetGroupArn' --output text)
aws elbv2 create-listener --load-balancer-arn "$NLB_ARN" --port 80 --protocol TCP \
    --default-actions "Type=forward,TargetGroupArn=$TARGET_GROUP_ARN" \
    --query 'Listeners[0].[Port, Protocol]' --output text
