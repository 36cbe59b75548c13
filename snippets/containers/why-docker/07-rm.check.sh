# The child is gone; its parent stays, since the layers it shares belong to alpine:3.23.
! docker image inspect layers-demo:1.0 >/dev/null 2>&1
docker image inspect alpine:3.23 >/dev/null
