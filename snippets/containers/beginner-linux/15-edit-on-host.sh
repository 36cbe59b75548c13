cp index-new.html index.html
curl --silent http://localhost/
