# The Pod kept the label its ReplicaSet and the Service select it by, so it is still the
# Deployment's one Pod; it only gained version=v1.
[[ $(kubectl get pod "$POD_NAME" --output=jsonpath='{.metadata.labels.app} {.metadata.labels.version}') \
   == "kubernetes-bootcamp v1" ]]
[[ $(kubectl get pods --selector=app=kubernetes-bootcamp --output=name | wc -l) -eq 1 ]]
