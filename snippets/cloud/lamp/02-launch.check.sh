test "$(aws ec2 describe-instances --instance-ids "$INSTANCE_ID" --output text \
  --query 'Reservations[0].Instances[0].[State.Name, SecurityGroups[0].GroupId, KeyName]')" \
  = "$(printf 'running\t%s\tlamp-key' "$SG_ID")"
