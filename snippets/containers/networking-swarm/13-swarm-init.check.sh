[[ $(docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}') == "active true" ]]
