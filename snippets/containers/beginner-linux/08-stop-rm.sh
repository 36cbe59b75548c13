docker container stop greeter
docker container rm greeter
