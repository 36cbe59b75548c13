# The app in the Pod started: it logs a line when it listens on port 8080.
eventually 30 bash -c 'kubectl logs deployment/kubernetes-bootcamp | grep --fixed-strings "Kubernetes Bootcamp App Started At"'
