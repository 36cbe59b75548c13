docker container run --rm alpine:3.20 ps
