docker container run --rm --network mynet busybox ping -c 3 web2
