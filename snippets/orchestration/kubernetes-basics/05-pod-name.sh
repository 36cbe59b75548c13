POD_NAME=$(kubectl get pods --selector=app=kubernetes-bootcamp \
  --output=jsonpath='{.items[0].metadata.name}')
echo "Name of the Pod: $POD_NAME"
