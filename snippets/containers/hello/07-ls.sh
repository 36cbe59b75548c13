docker container ls --all --filter "ancestor=alpine" --format '{{.Image}} {{.Status}}'
