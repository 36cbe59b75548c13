curl --silent http://localhost/
curl --silent --output /dev/null --write-out '%{http_code} %{content_type}\n' http://localhost/linux.png
