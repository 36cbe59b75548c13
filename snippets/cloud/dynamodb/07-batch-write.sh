aws dynamodb batch-write-item --request-items file://albums-batch.json --query 'length(UnprocessedItems)'
aws dynamodb query --table-name Albums \
  --key-condition-expression "Artist = :artist" \
  --expression-attribute-values '{":artist": {"S": "No One You Know"}}' \
  --query 'Items[].AlbumTitle.S' --output text
