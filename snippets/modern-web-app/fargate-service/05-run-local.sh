# Publish the container's port 8080 on a free port of this machine (127.0.0.1 only).
CONTAINER_ID=$(docker container run --detach --publish 127.0.0.1::8080 mythicalmysfits/service)
PORT=$(docker container port "$CONTAINER_ID" 8080/tcp | cut -d: -f2)
# Wait (up to 10 s) until the service answers its health check, then ask for the mysfits.
curl --silent --retry 10 --retry-all-errors --retry-delay 1 --output /dev/null "http://127.0.0.1:$PORT/"
curl --silent --show-error "http://127.0.0.1:$PORT/mysfits"
