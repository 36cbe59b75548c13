docker service ls
docker service ps myservice
