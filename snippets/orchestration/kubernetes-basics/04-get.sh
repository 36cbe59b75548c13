kubectl get deployments
kubectl get pods
