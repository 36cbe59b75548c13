docker container run --rm busybox ping -c 1 web1
