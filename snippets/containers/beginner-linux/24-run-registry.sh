docker container run --detach --publish 5043:5000 --name myregistry \
  --mount type=bind,source="$(pwd)"/auth,target=/auth \
  --env REGISTRY_AUTH=htpasswd \
  --env REGISTRY_AUTH_HTPASSWD_REALM="Registry Realm" \
  --env REGISTRY_AUTH_HTPASSWD_PATH=/auth/htpasswd \
  registry:3
