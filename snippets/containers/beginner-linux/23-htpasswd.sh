mkdir -p auth
docker container run --rm --entrypoint htpasswd httpd:2 -Bbn testuser testpassword > auth/htpasswd
