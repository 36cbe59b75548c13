minikube version
