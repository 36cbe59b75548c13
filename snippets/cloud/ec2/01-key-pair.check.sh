# The file is a usable private key (ssh-keygen derives its public key) of the key pair AWS keeps.
head -n 1 mykey.pem | grep -q -- '-----BEGIN .*PRIVATE KEY-----'
ssh-keygen -y -f mykey.pem | grep -q '^ssh-rsa '
test "$(aws ec2 describe-key-pairs --key-names mykey --query 'KeyPairs[0].KeyName' --output text)" = mykey
test "$(stat -c %a mykey.pem)" = 400
