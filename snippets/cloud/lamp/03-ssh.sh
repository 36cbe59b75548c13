ssh -i lamp-key.pem ec2-user@"$PUBLIC_DNS"
