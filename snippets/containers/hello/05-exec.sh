docker container exec "$CONTAINER_ID" sh -c 'echo "PID 1 in this container is: $(cat /proc/1/comm)"'
