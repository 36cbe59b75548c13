[[ $(aws dynamodb describe-table --table-name Rides \
  --query 'Table.[TableStatus, KeySchema[0].AttributeName, KeySchema[0].KeyType, BillingModeSummary.BillingMode]' \
  --output text) == $'ACTIVE\tRideId\tHASH\tPAY_PER_REQUEST' ]]
