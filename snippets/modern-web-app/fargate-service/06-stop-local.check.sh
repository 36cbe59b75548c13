! docker container inspect "$CONTAINER_ID" > /dev/null 2>&1
