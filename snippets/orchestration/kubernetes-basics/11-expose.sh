kubectl expose deployment/kubernetes-bootcamp --type="NodePort" --port 8080
