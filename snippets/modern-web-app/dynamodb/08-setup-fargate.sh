# The repository, cluster and service of the Fargate page, found by their names.
IMAGE_URI=$(aws ecr describe-repositories --repository-names mythicalmysfits/service \
    --query 'repositories[0].repositoryUri' --output text)
echo "$IMAGE_URI"
