# The image runs gunicorn on 8080 as an unprivileged user.
[[ $(docker image inspect mythicalmysfits/service \
    --format '{{.Config.User}} {{json .Config.ExposedPorts}} {{json .Config.Cmd}}') == \
   '65534:65534 {"8080/tcp":{}} ["gunicorn","--bind","0.0.0.0:8080","--access-logfile","-","mythicalMysfitsService:app"]' ]]
