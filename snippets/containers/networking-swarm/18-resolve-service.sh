docker container exec "$TASK" getent hosts myservice
docker container exec "$TASK" getent hosts tasks.myservice
