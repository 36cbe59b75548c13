docker service create --name myservice \
  --network overnet \
  --replicas 2 \
  ubuntu sleep infinity
