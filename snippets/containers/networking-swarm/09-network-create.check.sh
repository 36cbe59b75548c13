[[ $(docker network inspect --format '{{.Driver}} {{.Scope}}' mynet) == "bridge local" ]]
