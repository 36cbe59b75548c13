# The cluster picked a port in the NodePort range, and the node answers on it (kube-proxy
# programs a new Service's rules within a second or two).
(( NODE_PORT >= 30000 && NODE_PORT <= 32767 ))
node=$(kubectl get nodes --output=jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')
eventually 30 curl --silent --max-time 2 --output /dev/null "http://$node:$NODE_PORT"
