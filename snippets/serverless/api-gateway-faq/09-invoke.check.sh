# The function ran: its answer is a proxy response whose body is one of the page's questions.
python3 - <<'PY'
import json
response = json.load(open("response.json"))
assert response["statusCode"] == 200 and response["headers"] == {"Content-Type": "application/json"}, response
assert json.loads(response["body"]) in json.load(open("faq.json"))["questions"], response
PY
