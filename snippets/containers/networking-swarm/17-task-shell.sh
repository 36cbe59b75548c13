TASK=$(docker container ls --quiet --filter name=myservice.1)
docker container exec "$TASK" apt-get update --quiet=2
docker container exec "$TASK" apt-get install --yes --quiet=2 iputils-ping > /dev/null
