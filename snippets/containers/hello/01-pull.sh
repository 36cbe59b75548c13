docker image pull alpine
