# The container serves the work directory itself: the bind mount is in place.
eventually 20 curl --silent --fail --max-time 2 --output /dev/null http://localhost/
[[ $(docker container inspect --format '{{range .Mounts}}{{.Type}} {{.Source}} {{.Destination}}{{end}}' linux_tweet_app) == "bind $PWD /usr/share/nginx/html" ]]
