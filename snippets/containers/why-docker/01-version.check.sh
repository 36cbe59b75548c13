# Both halves answered: the client, and the daemon it reached through the API.
docker version --format '{{.Client.Version}} {{.Server.Version}}' | grep -Eq '^[0-9][^ ]* [0-9]'
