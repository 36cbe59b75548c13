docker tag api:latest "$REPOSITORY_URI:v1"
docker image ls "$REPOSITORY_URI" --format '{{.Repository}}:{{.Tag}}'
