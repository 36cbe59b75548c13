kubectl create deployment web --image=nginx:latest --replicas=2 --port=80 --dry-run=client --output=yaml
