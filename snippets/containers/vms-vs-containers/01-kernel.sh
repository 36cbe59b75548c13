echo "host:      $(uname -r)"
echo "container: $(docker container run --rm alpine:3.20 uname -r)"
