host_kernel=$(uname -r)
container_kernel=$(docker container run --rm alpine:3.23 uname -r)
echo "host:      $host_kernel"
echo "container: $container_kernel"
