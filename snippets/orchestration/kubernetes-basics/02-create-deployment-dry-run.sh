kubectl create deployment kubernetes-bootcamp \
  --image=gcr.io/google-samples/kubernetes-bootcamp:v1 --port=8080 \
  --dry-run=client --output=yaml
