curl --silent http://localhost:8080/ | grep --only-matching '<title>.*</title>'
