kubectl apply --filename=deployment.yaml
kubectl rollout status deployment/kubernetes-bootcamp --timeout=300s
