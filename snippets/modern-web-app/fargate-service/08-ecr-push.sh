# Log docker in to the registry (the host part of the URI), then push.
aws ecr get-login-password | docker login --username AWS --password-stdin "${IMAGE_URI%%/*}"
docker image push "$IMAGE_URI:latest"
