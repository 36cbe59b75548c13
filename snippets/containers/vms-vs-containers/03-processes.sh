docker container run --rm alpine:3.23 ps
