NODE_IP=$(kubectl get nodes \
  --output=jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')
curl --silent "http://$NODE_IP:$NODE_PORT"
