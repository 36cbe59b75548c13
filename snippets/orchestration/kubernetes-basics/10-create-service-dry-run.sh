kubectl create service nodeport kubernetes-bootcamp --tcp=8080:8080 \
  --dry-run=client --output=yaml
