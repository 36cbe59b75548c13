# The app in the Pod started: it logs a line when it listens on port 8080.
for _ in $(seq 30); do
  [[ $(kubectl logs deployment/kubernetes-bootcamp) == *"Kubernetes Bootcamp App Started At"* ]] && break
  sleep 1
done
[[ $(kubectl logs deployment/kubernetes-bootcamp) == *"Kubernetes Bootcamp App Started At"* ]]
