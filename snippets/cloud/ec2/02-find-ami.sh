AMI_ID=$(aws ssm get-parameters \
  --names /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 \
  --query 'Parameters[0].Value' --output text)
aws ec2 describe-images --image-ids "$AMI_ID" --query 'Images[0].[ImageId, Name]' --output text
