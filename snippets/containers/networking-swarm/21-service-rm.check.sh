# The service is gone, and its task containers with it.
! docker service inspect myservice > /dev/null 2>&1
timeout 30 bash -c 'while docker container ls --all --quiet --filter label=com.docker.swarm.service.name=myservice | grep -q .; do sleep 0.5; done'
