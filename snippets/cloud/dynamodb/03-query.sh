aws dynamodb query --table-name Music \
  --key-condition-expression "Artist = :artist" \
  --expression-attribute-values '{":artist": {"S": "No One You Know"}}' \
  --query 'Items[].[SongTitle.S, Year.N]' --output text
