# The registry is up and answers on the published port (it may need a moment to start).
timeout 20 bash -c 'until curl --silent --output /dev/null http://localhost:5043/v2/; do sleep 0.2; done'
