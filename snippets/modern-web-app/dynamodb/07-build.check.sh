# Hidden check: the image just built answers its API against this session's moto table.
# moto listens on the host's loopback, which a container cannot reach, and containers of
# checks may not share the host's network: the harness relays the default bridge's gateway
# to moto (requires: [moto-bridge], $DSP_MOTO_BRIDGE_URL). The image's boto3 (Ubuntu's, older
# than AWS_ENDPOINT_URL support) is pointed at it by a sitecustomize mounted read-only.
(
    set -euo pipefail
    helpers=$(mktemp -d) container=""
    cleanup() {
        status=$?
        if [[ -n $container ]]; then
            (( status == 0 )) || docker container logs "$container" 2>&1 | tail -20
            docker container rm --force "$container" > /dev/null
        fi
        rm -rf "$helpers"
    }
    trap cleanup EXIT
    chmod 755 "$helpers"  # the service runs as nobody: it must read the helpers
    bridge=${DSP_MOTO_BRIDGE_URL:?07-build.check.sh needs requires: [moto-bridge] in _page.yml}
    gateway=${bridge#http://} && gateway=${gateway%:*}
    cat > "$helpers/sitecustomize.py" <<'PY'
import os
import botocore.session
create_client = botocore.session.Session.create_client
def with_endpoint(self, *args, **kwargs):
    if kwargs.get("endpoint_url") is None:  # boto3 passes endpoint_url=None explicitly
        kwargs["endpoint_url"] = os.environ["DSP_MOTO_URL"]
    return create_client(self, *args, **kwargs)
botocore.session.Session.create_client = with_endpoint
PY
    chmod 644 "$helpers"/*.py
    container=$(docker container run --detach --publish 127.0.0.1::8080 \
        --volume "$helpers:/opt/dsp:ro" --env PYTHONPATH=/opt/dsp \
        --env DSP_MOTO_URL="$bridge" \
        --env AWS_ACCESS_KEY_ID=testing --env AWS_SECRET_ACCESS_KEY=testing \
        --env AWS_DEFAULT_REGION="$AWS_DEFAULT_REGION" \
        --env HTTPS_PROXY=http://127.0.0.1:9 --env NO_PROXY="$gateway" \
        mythicalmysfits/service)
    port=$(docker container port "$container" 8080/tcp | cut -d: -f2)
    api="http://127.0.0.1:$port"
    curl --silent --retry 10 --retry-all-errors --retry-delay 1 --output /dev/null "$api/"

    # The list is the table's mysfits; a filter, its index's.
    [[ $(curl --silent --fail "$api/mysfits" | python3 -c 'import json, sys; print(" ".join(sorted(m["name"] for m in json.load(sys.stdin)["mysfits"])))') \
       == "$(aws dynamodb scan --table-name MysfitsTable --query 'Items[].Name.S' --output text | tr '\t' '\n' | sort | paste -sd' ')" ]]
    [[ $(curl --silent --fail "$api/mysfits?filter=LawChaos&value=Lawful" | python3 -c 'import json, sys; print(" ".join(m["name"] for m in json.load(sys.stdin)["mysfits"]))') == "Pauly Evangeline" ]]
    [[ $(curl --silent --output /dev/null --write-out '%{http_code}' "$api/mysfits?filter=Species&value=Troll") == 400 ]]
    # One mysfit; a like and an adoption change its item in the table.
    id=0e37d916-f960-4772-a25a-01b762b5c1bd
    [[ $(curl --silent --fail "$api/mysfits/$id" | python3 -c 'import json, sys; print(json.load(sys.stdin)["name"])') == CoCo ]]
    [[ $(curl --silent --fail --request POST "$api/mysfits/$id/like" | python3 -c 'import json, sys; print(json.load(sys.stdin)["likes"])') == 1 ]]
    curl --silent --fail --request POST --output /dev/null "$api/mysfits/$id/adopt"
    [[ $(aws dynamodb get-item --table-name MysfitsTable --key "{\"MysfitId\": {\"S\": \"$id\"}}" \
        --query 'Item.[Likes.N, Adopted.BOOL]' --output text) == $'1\tTrue' ]]
    [[ $(curl --silent --output /dev/null --write-out '%{http_code}' --request POST "$api/mysfits/no-such-id/like") == 404 ]]
    # Put the item back as the page loaded it, for the steps that follow.
    aws dynamodb update-item --table-name MysfitsTable --key "{\"MysfitId\": {\"S\": \"$id\"}}" \
        --update-expression 'SET Likes = :zero, Adopted = :false' \
        --expression-attribute-values '{":zero": {"N": "0"}, ":false": {"BOOL": false}}'
)
