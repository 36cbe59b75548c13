"""Behaviour of snippets/serverless/api-gateway-faq/index.js, run with node as Lambda would call it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.exercises("serverless/api-gateway-faq/index.js")

PAGE = Path(__file__).resolve().parents[4] / "snippets/serverless/api-gateway-faq"
FAQ = json.loads((PAGE / "faq.json").read_text(encoding="utf-8"))
QUESTIONS = FAQ["questions"]

# What API Gateway sends for GET /FAQ through a Lambda proxy integration (trimmed).
PROXY_EVENT = {
    "resource": "/FAQ",
    "path": "/FAQ",
    "httpMethod": "GET",
    "headers": {"Accept": "*/*", "Host": "abc123.execute-api.us-east-1.amazonaws.com"},
    "queryStringParameters": None,
    "pathParameters": None,
    "requestContext": {"resourcePath": "/FAQ", "httpMethod": "GET", "stage": "myDeployment"},
    "body": None,
    "isBase64Encoded": False,
}

# Calls the handler as Lambda does (event, context) and prints one JSON line per call.
# "random" is either "real" (Math.random) or a list of values Math.random returns in turn.
DRIVER = r"""
const [handlerPath, eventJson, calls, randomJson] = process.argv.slice(1);
const random = JSON.parse(randomJson);
if (random !== "real") { let i = 0; Math.random = () => random[i++ % random.length]; }
console.log = () => {};  // the handler's own log lines would go to CloudWatch Logs
const context = { functionName: "FAQ", awsRequestId: "test", getRemainingTimeInMillis: () => 3000 };
const { handler } = require(handlerPath);
(async () => {
  for (let n = 0; n < Number(calls); n++) {
    const result = handler(JSON.parse(eventJson), context);
    if (!(result instanceof Promise)) throw new Error("handler is not async: it returned " + typeof result);
    process.stdout.write(JSON.stringify(await result) + "\n");
  }
})().catch((error) => { process.stderr.write(String(error.stack) + "\n"); process.exit(1); });
"""


def run_handler(calls: int, random: str | list[float] = "real") -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed (scripts/setup gate installs it)")
    done = subprocess.run(
        [node, "-e", DRIVER, str(PAGE / "index.js"), json.dumps(PROXY_EVENT), str(calls), json.dumps(random)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_faq_data():
    assert FAQ["service"] == "lambda"
    assert len(QUESTIONS) == 19
    for item in QUESTIONS:
        assert set(item) == {"q", "a"} and item["q"].endswith("?") and item["a"].strip()


def test_proxy_response_shape():
    """What API Gateway's Lambda proxy integration accepts: statusCode, headers, body as a string."""
    (response,) = run_handler(1)
    assert set(response) <= {"statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"}
    assert response["statusCode"] == 200
    assert response["headers"] == {"Content-Type": "application/json"}
    assert isinstance(response["body"], str)
    body = json.loads(response["body"])
    assert set(body) == {"q", "a"}
    assert body in QUESTIONS


def test_every_question_can_be_chosen():
    """Math.random() in [0, 1) maps onto every index, including both ends of the range."""
    n = len(QUESTIONS)
    edges = [0.0, 1 - 2**-53] + [(i + 0.5) / n for i in range(n)]
    bodies = [json.loads(r["body"]) for r in run_handler(len(edges), edges)]
    assert bodies[0] == QUESTIONS[0]
    assert bodies[1] == QUESTIONS[-1]
    assert bodies[2:] == QUESTIONS


def test_real_randomness_covers_all_questions():
    """With the real Math.random, 2,000 calls miss a given question with probability
    (18/19)**2000 < 1e-46: all 19 appear, and none takes more than a quarter of the calls."""
    bodies = [r["body"] for r in run_handler(2000)]
    counts = {q["q"]: 0 for q in QUESTIONS}
    for body in bodies:
        counts[json.loads(body)["q"]] += 1
    assert all(counts.values()), [q for q, c in counts.items() if not c]
    assert max(counts.values()) < 500
