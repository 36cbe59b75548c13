[[ $(docker service inspect --format '{{.Spec.Mode.Replicated.Replicas}}' myservice) == 2 ]]
