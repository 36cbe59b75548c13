kubectl create service nodeport web --tcp=8080:80 --dry-run=client --output=yaml
