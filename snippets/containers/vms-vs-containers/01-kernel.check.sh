# One kernel: the container reports the host's own kernel release.
test "$(docker container run --rm alpine:3.20 uname -r)" = "$(uname -r)"
