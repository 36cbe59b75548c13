# Nothing of the lab is left: deleting the Deployment deletes its ReplicaSets and Pods
# (the app ignores SIGTERM, so its Pods take their 30 s grace period to go).
eventually 90 bash -c '! kubectl get pods --selector=app=kubernetes-bootcamp --output=name | grep .'
[[ -z $(kubectl get deployments,replicasets,services,pods --selector=app=kubernetes-bootcamp --output=name) ]]
