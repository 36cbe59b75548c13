# The child's first layer is the parent's layer itself, not a copy of it.
test "$(docker image inspect --format '{{index .RootFS.Layers 0}}' alpine:3.23 layers-demo:1.0 | sort -u | wc -l)" -eq 1
