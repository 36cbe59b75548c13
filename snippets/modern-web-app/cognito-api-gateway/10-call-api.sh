curl "$API_URL/mysfits"
