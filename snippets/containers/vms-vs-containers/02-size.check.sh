# Well under 100 MB: no kernel, no init system, no firmware inside.
test "$(docker image inspect --format '{{.Size}}' alpine:3.23)" -lt 100000000
