# The function is active, runs index.handler on Node.js 24, and holds both files.
[[ $(aws lambda get-function --function-name FAQ \
  --query 'Configuration.[State, Runtime, Handler]' --output text) == $'Active\tnodejs24.x\tindex.handler' ]]
[[ $REGION == us-east-1 && $ACCOUNT_ID =~ ^[0-9]{12}$ ]]
[[ $(unzip -Z1 function.zip | sort | tr '\n' ' ') == "faq.json index.js " ]]
