docker image rm layers-demo:1.0
