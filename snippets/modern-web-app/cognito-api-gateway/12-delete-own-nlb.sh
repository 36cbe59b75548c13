# Deleting the load balancer deletes its listener; the target group can go after it.
aws elbv2 delete-load-balancer --load-balancer-arn "$NLB_ARN"
aws elbv2 wait load-balancers-deleted --load-balancer-arns "$NLB_ARN"
aws elbv2 delete-target-group --target-group-arn "$TARGET_GROUP_ARN"
aws ec2 delete-subnet --subnet-id "$SUBNET_ONE"
aws ec2 delete-subnet --subnet-id "$SUBNET_TWO"
aws ec2 delete-vpc --vpc-id "$VPC_ID"
