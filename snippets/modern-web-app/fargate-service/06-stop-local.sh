docker container rm --force "$CONTAINER_ID" > /dev/null
