docker logout localhost:5043
docker container rm --force --volumes myregistry
