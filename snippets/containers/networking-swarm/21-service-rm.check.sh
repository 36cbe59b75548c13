# The service is gone, and its task containers with it.
! docker service inspect myservice > /dev/null 2>&1
eventually 30 bash -c '! docker container ls --all --quiet --filter label=com.docker.swarm.service.name=myservice | grep .'
