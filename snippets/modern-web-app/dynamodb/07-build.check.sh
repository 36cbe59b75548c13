# Hidden check: the image just built answers its API against this session's moto table.
# moto listens on the host's loopback, which a container cannot reach, and containers of
# checks may not share the host's network: a forwarder on the default bridge's gateway
# address carries the container's requests to moto. The image's boto3 (Ubuntu's, older
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
        [[ -z ${forwarder:-} ]] || kill "$forwarder" 2> /dev/null || true
        rm -rf "$helpers"
    }
    trap cleanup EXIT
    chmod 755 "$helpers"  # the service runs as nobody: it must read the helpers
    gateway=$(ip -4 -o addr show docker0 2> /dev/null | awk '{ split($4, a, "/"); print a[1] }')
    [[ -n $gateway ]] || { echo "07-build.check.sh: no docker0 bridge on this machine, so no way for the container to reach moto" >&2; exit 1; }
    moto=${AWS_ENDPOINT_URL#http://}
    cat > "$helpers/forward.py" <<'PY'
import asyncio, sys
listen, target_host, target_port, port_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()
async def serve(reader, writer):
    up_reader, up_writer = await asyncio.open_connection(target_host, target_port)
    await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer), return_exceptions=True)
async def main():
    server = await asyncio.start_server(serve, listen, 0)
    open(port_file, "w").write(str(server.sockets[0].getsockname()[1]))
    await server.serve_forever()
asyncio.run(main())
PY
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
    python3 "$helpers/forward.py" "$gateway" "${moto%:*}" "${moto##*:}" "$helpers/port" &
    forwarder=$!
    for _ in $(seq 50); do [[ -s $helpers/port ]] && break; sleep 0.1; done
    container=$(docker container run --detach --publish 127.0.0.1::8080 \
        --volume "$helpers:/opt/dsp:ro" --env PYTHONPATH=/opt/dsp \
        --env DSP_MOTO_URL="http://$gateway:$(cat "$helpers/port")" \
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
