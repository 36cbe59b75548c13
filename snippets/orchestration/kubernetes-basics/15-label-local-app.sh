kubectl label --local --filename=deployment.yaml app=v1 --output=yaml
