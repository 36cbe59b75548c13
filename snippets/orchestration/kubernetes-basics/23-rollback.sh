kubectl rollout undo deployments/kubernetes-bootcamp
kubectl rollout status deployments/kubernetes-bootcamp --timeout=300s
kubectl get deployments --output=wide
