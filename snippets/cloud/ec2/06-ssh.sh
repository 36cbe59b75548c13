ssh -i mykey.pem ec2-user@"$PUBLIC_DNS"
