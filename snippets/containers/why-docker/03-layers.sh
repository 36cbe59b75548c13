docker image inspect --format '{{.RepoTags}}: {{len .RootFS.Layers}} layer(s)' alpine:3.23 layers-demo:1.0
