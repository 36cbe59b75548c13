# Nothing of the lab is left: deleting the Deployment deletes its ReplicaSets and Pods
# (the app ignores SIGTERM, so its Pods take their 30 s grace period to go).
for _ in $(seq 90); do
  [[ -z $(kubectl get pods --selector=app=kubernetes-bootcamp --output=name) ]] && break
  sleep 1
done
[[ -z $(kubectl get deployments,replicasets,services,pods --selector=app=kubernetes-bootcamp --output=name) ]]
