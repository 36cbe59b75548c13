kubectl rollout history deployments/kubernetes-bootcamp
