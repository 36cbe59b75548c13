kubectl label pods "$POD_NAME" version=v1
kubectl get pods --selector=version=v1
