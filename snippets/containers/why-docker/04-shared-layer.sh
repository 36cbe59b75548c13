docker image inspect --format '{{index .RootFS.Layers 0}}' alpine:3.23 layers-demo:1.0
