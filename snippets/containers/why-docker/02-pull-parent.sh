docker image pull --quiet alpine:3.23
