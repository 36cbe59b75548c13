docker container run --detach --name greeter -e GREETING="Hello from the host" ubuntu \
  bash -c 'while true; do echo "$GREETING at $(date +%T)"; sleep 5; done'
