(
  # The registry holds the image: its manifest names the local image's ID...
  token=$(aws ecr get-login-password --region us-east-1)
  manifest=$(curl --fail --silent --noproxy '*' --user "AWS:$token" \
    --header 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REGISTRY/v2/api/manifests/v1")
  test "$(jq -r .config.digest <<< "$manifest")" = "$(docker image inspect --format '{{.Id}}' api:latest)"
  # ...and lets no one in without ECR's token.
  test "$(curl --silent --noproxy '*' --output /dev/null --write-out '%{http_code}' \
    "http://$REGISTRY/v2/api/tags/list")" = 401
)
