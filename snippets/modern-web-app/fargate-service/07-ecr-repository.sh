IMAGE_URI=$(aws ecr create-repository --repository-name mythicalmysfits/service \
    --query repository.repositoryUri --output text)
echo "$IMAGE_URI"
# Give the local image the repository's name, so docker knows where to push it.
docker image tag mythicalmysfits/service "$IMAGE_URI:latest"
