docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' alpine:3.23
