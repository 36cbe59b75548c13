# A task container of the service, with ping installed.
[[ $(docker container inspect --format '{{index .Config.Labels "com.docker.swarm.service.name"}}' "$TASK") == myservice ]]
docker container exec "$TASK" ping -V > /dev/null
