test "$(aws ec2 describe-instances --instance-ids "$INSTANCE_ID" \
  --query 'Reservations[0].Instances[0].State.Name' --output text)" = terminated
test "$(aws ec2 describe-key-pairs --query 'length(KeyPairs[?KeyName==`mykey`])')" = 0
test ! -e mykey.pem
