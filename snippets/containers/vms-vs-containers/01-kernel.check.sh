# One kernel: the container reports the host's own kernel release.
test "$(docker container run --rm alpine:3.23 uname -r)" = "$(uname -r)"
