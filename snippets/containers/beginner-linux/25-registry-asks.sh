curl --silent --include http://localhost:5043/v2/
