kubectl exec "$POD_NAME" -- curl --silent http://localhost:8080
