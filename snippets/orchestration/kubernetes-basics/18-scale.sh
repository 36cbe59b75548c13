kubectl scale deployments/kubernetes-bootcamp --replicas=4
kubectl rollout status deployments/kubernetes-bootcamp --timeout=300s
kubectl get deployments
kubectl get pods --output=wide
