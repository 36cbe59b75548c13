docker container logs greeter
