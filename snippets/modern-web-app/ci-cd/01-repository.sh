CLONE_URL=$(aws codecommit create-repository --repository-name MythicalMysfitsService-Repository \
    --repository-description "Mythical Mysfits service: code, Dockerfile and buildspec" \
    --query repositoryMetadata.cloneUrlHttp --output text)
echo "$CLONE_URL"
