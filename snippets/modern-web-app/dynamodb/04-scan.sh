# Every item of the table, sorted by name.
aws dynamodb scan --table-name MysfitsTable --output text \
    --query 'sort_by(Items, &Name.S)[].[Name.S, Species.S, GoodEvil.S, LawChaos.S]'
