aws ecr delete-repository --repository-name api --force \
  --query repository.repositoryName --output text
docker image rm "$REPOSITORY_URI:v1" api:latest > /dev/null
docker logout "$REGISTRY" > /dev/null
