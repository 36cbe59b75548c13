# A repository, and a cluster whose service runs no task yet (--desired-count 0): just
# enough for the deploy commands below. A working service is the Fargate page's.
IMAGE_URI=$(aws ecr create-repository --repository-name mythicalmysfits/service \
    --query repository.repositoryUri --output text)
VPC_ID=$(aws ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId --output text)
SUBNET_ID=$(aws ec2 create-subnet --vpc-id "$VPC_ID" --cidr-block 10.0.0.0/24 \
    --query Subnet.SubnetId --output text)
SECURITY_GROUP_ID=$(aws ec2 create-security-group --vpc-id "$VPC_ID" --group-name mysfits-service \
    --description "Mythical Mysfits service" --query GroupId --output text)
aws ecs create-cluster --cluster-name MythicalMysfits-Cluster --query cluster.status --output text
aws ecs register-task-definition --family mythicalmysfitsservice \
    --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 \
    --runtime-platform cpuArchitecture=X86_64,operatingSystemFamily=LINUX \
    --container-definitions "[{\"name\": \"MythicalMysfits-Service\", \"image\": \"$IMAGE_URI:latest\",
        \"portMappings\": [{\"containerPort\": 8080}]}]" \
    --query taskDefinition.revision --output text
aws ecs create-service --cluster MythicalMysfits-Cluster --service-name MythicalMysfits-Service \
    --task-definition mythicalmysfitsservice --launch-type FARGATE --desired-count 0 \
    --network-configuration "awsvpcConfiguration={subnets=[$SUBNET_ID],securityGroups=[$SECURITY_GROUP_ID]}" \
    --query service.status --output text
