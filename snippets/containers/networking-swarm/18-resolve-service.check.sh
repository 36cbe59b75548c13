# `myservice` is the service's virtual IP; `tasks.myservice` the addresses of its two tasks.
vip=$(docker service inspect --format '{{range .Endpoint.VirtualIPs}}{{.Addr}}{{end}}' myservice)
grep -qx "${vip%/*} *myservice" "$DSP_STEP_OUTPUT"
[[ $(grep -c ' tasks\.myservice$' "$DSP_STEP_OUTPUT") == 2 ]]
