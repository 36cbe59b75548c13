CLICKS_API_URL=$(aws cloudformation describe-stacks --stack-name MythicalMysfitsStreamingStack \
    --query "Stacks[0].Outputs[?OutputKey=='ClicksApiUrl'].OutputValue" --output text)
curl --request PUT --header 'Content-Type: application/json' \
    --data '{"userId": "visitor-1", "mysfitId": "4e53920c-505a-4a90-a694-b9300791f0ae"}' \
    "$CLICKS_API_URL"
