docker container stop --time 1 "$CONTAINER_ID" > /dev/null
docker container inspect --format '{{.State.Status}}' "$CONTAINER_ID"
docker container start "$CONTAINER_ID" > /dev/null
docker container inspect --format '{{.State.Status}}' "$CONTAINER_ID"
