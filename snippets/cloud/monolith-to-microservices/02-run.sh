CONTAINER_ID=$(docker run --detach --publish 3000 api)
API=$(docker port "$CONTAINER_ID" 3000 | head -n 1)
curl --silent --retry 10 --retry-all-errors --retry-delay 1 "http://$API/api/threads/1"
curl --silent "http://$API/api/posts/in-thread/1"
