aws ec2 create-key-pair --key-name mykey --query KeyMaterial --output text > mykey.pem
chmod 400 mykey.pem
ls -l mykey.pem
