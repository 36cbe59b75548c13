docker network create -d overlay --attachable overnet
docker network ls --filter driver=overlay
