docker container exec "$TASK" ping -c 3 myservice
