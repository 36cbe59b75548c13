docker container run --rm layers-demo:1.0
