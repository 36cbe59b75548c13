[[ $(aws apigateway get-rest-apis --query 'length(items)') == 0 ]]
[[ $(aws apigateway get-vpc-links --query 'length(items || `[]`)') == 0 ]]
[[ $(aws cognito-idp list-user-pools --max-results 10 --query 'length(UserPools)') == 0 ]]
