# The API server says it is the control plane's, and at least one node is Ready to run Pods.
[[ $(kubectl cluster-info) == *"Kubernetes control plane"* ]]
[[ " $(kubectl get nodes --output=jsonpath='{.items[*].status.conditions[?(@.type=="Ready")].status}') " \
   == *" True "* ]]
