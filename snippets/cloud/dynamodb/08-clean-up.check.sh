test "$(aws dynamodb list-tables --query 'length(TableNames[?@ == `Music` || @ == `Albums`])')" = 0
