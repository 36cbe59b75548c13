docker push "$REPOSITORY_URI:v1"
