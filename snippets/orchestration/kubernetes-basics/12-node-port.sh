kubectl get services kubernetes-bootcamp
NODE_PORT=$(kubectl get services/kubernetes-bootcamp \
  --output=go-template='{{(index .spec.ports 0).nodePort}}')
echo "NODE_PORT=$NODE_PORT"
