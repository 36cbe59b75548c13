kubectl delete deployments/kubernetes-bootcamp services/kubernetes-bootcamp
