# Seconds at most, even on a busy machine: no kernel boots, a process starts.
SECONDS=0
docker container run --rm alpine:3.23 true
test "$SECONDS" -lt 10
