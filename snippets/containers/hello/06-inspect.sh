docker image inspect alpine --format '{{.Os}} {{.Architecture}}'
docker container inspect "$CONTAINER_ID" --format '{{.Config.Image}} {{.State.Status}}'
