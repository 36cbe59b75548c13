[[ $(docker info --format '{{.Swarm.LocalNodeState}}') == inactive ]]
