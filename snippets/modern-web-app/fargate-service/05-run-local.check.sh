# Four mysfits, served as JSON; the health check answers on /.
curl --silent --fail --dump-header headers.txt "http://127.0.0.1:$PORT/mysfits" \
    | python3 -c 'import json, sys; assert len(json.load(sys.stdin)["mysfits"]) == 4'
grep -i '^content-type: application/json' headers.txt > /dev/null
rm headers.txt
[[ $(curl --silent --fail "http://127.0.0.1:$PORT/") == *'used for health check'* ]]
