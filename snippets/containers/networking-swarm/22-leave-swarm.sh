docker network rm overnet
docker swarm leave --force
