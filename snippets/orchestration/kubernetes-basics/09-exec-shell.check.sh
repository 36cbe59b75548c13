# The container has bash, the app's source (server.js) in its working directory, and curl.
kubectl exec "$POD_NAME" -- bash -c 'grep -q "Hello Kubernetes bootcamp" server.js && command -v curl'
