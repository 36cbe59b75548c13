# nginx answers on the published port (it may need a moment to start).
eventually 20 curl --silent --fail --max-time 2 --output /dev/null http://localhost/
