FIREHOSE_ROLE_ARN=$(aws iam create-role --role-name MysfitsClicksDeliveryRole \
    --assume-role-policy-document '{
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "firehose.amazonaws.com"},
        "Action": "sts:AssumeRole"
      }]
    }' \
    --query Role.Arn --output text)
aws iam put-role-policy --role-name MysfitsClicksDeliveryRole \
    --policy-name MysfitsClicksDelivery --policy-document file://firehose-policy.json
echo "$FIREHOSE_ROLE_ARN"
