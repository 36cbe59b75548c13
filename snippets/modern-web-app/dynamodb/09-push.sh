# The new image takes the repository's name, and goes in as its latest version.
docker image tag mythicalmysfits/service "$IMAGE_URI:latest"
aws ecr get-login-password | docker login --username AWS --password-stdin "${IMAGE_URI%%/*}"
docker image push "$IMAGE_URI:latest"
