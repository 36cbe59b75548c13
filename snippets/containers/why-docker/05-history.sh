docker image history --no-trunc --format '{{.CreatedBy}}' layers-demo:1.0
