docker rm --force "$CONTAINER_ID" > /dev/null
