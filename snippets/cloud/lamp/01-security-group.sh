MY_IP=203.0.113.10/32   # your public address: curl https://checkip.amazonaws.com
SG_ID=$(aws ec2 create-security-group --group-name lamp-server \
  --description "LAMP server: SSH from my address, HTTP and HTTPS from anywhere" \
  --query GroupId --output text)
aws ec2 authorize-security-group-ingress --group-id "$SG_ID" --ip-permissions \
  "IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=$MY_IP}]" \
  'IpProtocol=tcp,FromPort=80,ToPort=80,IpRanges=[{CidrIp=0.0.0.0/0}]' \
  'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=0.0.0.0/0}]' > /dev/null
aws ec2 describe-security-groups --group-ids "$SG_ID" --output text \
  --query 'sort_by(SecurityGroups[0].IpPermissions, &FromPort)[].[FromPort, IpRanges[0].CidrIp]'
