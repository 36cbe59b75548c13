# nginx answers on the published port (it may need a moment to start).
timeout 20 bash -c 'until curl --silent --fail --output /dev/null http://localhost:8080/; do sleep 0.2; done'
