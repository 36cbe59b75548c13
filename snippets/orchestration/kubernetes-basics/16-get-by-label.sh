kubectl get pods --selector=app=kubernetes-bootcamp
kubectl get services --selector=app=kubernetes-bootcamp
