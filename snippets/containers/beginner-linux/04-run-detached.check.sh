# Running, under its name, with the variable in its configuration.
[[ $(docker container inspect --format '{{.State.Running}}' greeter) == true ]]
docker container inspect --format '{{range .Config.Env}}{{println .}}{{end}}' greeter | grep -qx 'GREETING=Hello from the host'
