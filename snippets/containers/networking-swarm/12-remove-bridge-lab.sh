docker container rm --force web1 web2
docker network rm mynet
