[[ $(aws lambda get-function --function-name RequestUnicorn \
  --query 'Configuration.[State, Runtime, Handler, Role]' --output text) \
  == $'Active\tpython3.12\trequestUnicorn.handler\t'"$ROLE_ARN" ]]
