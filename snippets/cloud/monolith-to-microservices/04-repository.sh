REPOSITORY_URI=$(aws ecr create-repository --repository-name api \
  --query repository.repositoryUri --output text)
REGISTRY=${REPOSITORY_URI%%/*}
echo "$REPOSITORY_URI"
