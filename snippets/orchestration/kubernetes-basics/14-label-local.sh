kubectl label --local --filename=deployment.yaml version=v1 --output=yaml
