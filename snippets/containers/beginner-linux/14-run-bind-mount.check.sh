# The container serves the work directory itself: the bind mount is in place.
timeout 20 bash -c 'until curl --silent --fail --output /dev/null http://localhost/; do sleep 0.2; done'
[[ $(docker container inspect --format '{{range .Mounts}}{{.Type}} {{.Source}} {{.Destination}}{{end}}' linux_tweet_app) == "bind $PWD /usr/share/nginx/html" ]]
