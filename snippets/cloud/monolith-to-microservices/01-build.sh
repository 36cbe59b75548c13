docker build --tag api .
docker image ls api --format '{{.Repository}}:{{.Tag}}'
