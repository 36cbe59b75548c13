[[ $(aws firehose list-delivery-streams --query 'length(DeliveryStreamNames)') == 0 ]]
[[ $(aws lambda list-functions --query 'length(Functions)') == 0 ]]
[[ $(aws iam list-roles --query "length(Roles[?starts_with(RoleName, 'Mysfits')])") == 0 ]]
[[ $(aws s3api list-buckets --query 'length(Buckets)') == 0 ]]
