# The registry is up and answers on the published port (it may need a moment to start).
eventually 20 curl --silent --max-time 2 --output /dev/null http://localhost:5043/v2/
