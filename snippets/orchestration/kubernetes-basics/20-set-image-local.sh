kubectl set image --local --filename=deployment.yaml \
  kubernetes-bootcamp=docker.io/jocatalin/kubernetes-bootcamp:v2 --output=yaml
