CONTAINER_ID=$(docker container run --detach alpine sleep 600)
docker container ls --filter "id=$CONTAINER_ID" --format 'table {{.Image}}\t{{.Command}}\t{{.Status}}'
