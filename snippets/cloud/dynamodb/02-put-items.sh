aws dynamodb put-item --table-name Music --item '{
  "Artist": {"S": "No One You Know"}, "SongTitle": {"S": "Call Me Today"},
  "AlbumTitle": {"S": "Somewhat Famous"}, "Year": {"N": "2015"}}'
aws dynamodb put-item --table-name Music --item '{
  "Artist": {"S": "No One You Know"}, "SongTitle": {"S": "My Dog Spot"},
  "AlbumTitle": {"S": "Hey Now"}, "Year": {"N": "2019"}}'
aws dynamodb put-item --table-name Music --item '{
  "Artist": {"S": "Acme Band"}, "SongTitle": {"S": "Happy Day"},
  "AlbumTitle": {"S": "Songs About Life"}, "Year": {"N": "2021"}}'
aws dynamodb scan --table-name Music --select COUNT --query Count
