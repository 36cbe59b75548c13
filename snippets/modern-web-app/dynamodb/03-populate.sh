# Print how many tables still have unwritten items: 0 when everything went in.
aws dynamodb batch-write-item --request-items file://populate-dynamodb.json \
    --query 'length(UnprocessedItems)'
