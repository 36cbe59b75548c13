"""Behaviour of snippets/serverless/wild-rydes/requestUnicorn.py, driven by the page's test event,
against a moto DynamoDB table Rides (in-process)."""

from __future__ import annotations

import base64
import importlib.util
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType, SimpleNamespace

import boto3
import pytest

pytestmark = pytest.mark.exercises("serverless/wild-rydes/requestUnicorn.py")

PAGE = Path(__file__).resolve().parents[4] / "snippets/serverless/wild-rydes"
EVENT = json.loads((PAGE / "ride-test-event.json").read_text(encoding="utf-8"))
CONTEXT = SimpleNamespace(aws_request_id="c6af9ac6-7b61-11e6-9a41-93e812345678", function_name="RequestUnicorn")


@pytest.fixture
def dynamodb(mocked_aws):
    """moto DynamoDB, in-process (see tests/snippets/conftest.py)."""
    return boto3.resource("dynamodb")


@pytest.fixture
def rides(dynamodb):
    """The table as the page creates it: partition key RideId (string), on-demand."""
    table = dynamodb.create_table(
        TableName="Rides",
        AttributeDefinitions=[{"AttributeName": "RideId", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "RideId", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    table.wait_until_exists()
    return table


@pytest.fixture
def function(dynamodb) -> ModuleType:
    """The snippet loaded inside the mock, as Lambda loads it."""
    spec = importlib.util.spec_from_file_location("requestUnicorn", PAGE / "requestUnicorn.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pages_event_books_a_ride(rides, function, capsys):
    before = datetime.now(UTC)

    response = function.handler(json.loads(json.dumps(EVENT)), CONTEXT)

    assert response["statusCode"] == 201
    assert response["headers"]["Access-Control-Allow-Origin"] == "*"
    body = json.loads(response["body"])
    assert set(body) == {"RideId", "Unicorn", "UnicornName", "Eta", "Rider"}
    assert body["Rider"] == "the_username"
    assert body["Unicorn"] in function.FLEET
    assert body["UnicornName"] == body["Unicorn"]["Name"]
    assert set(body["Unicorn"]) == {"Name", "Color", "Gender"}

    items = rides.scan()["Items"]
    assert len(items) == 1
    (item,) = items
    assert set(item) == {"RideId", "User", "Unicorn", "UnicornName", "RequestTime"}
    assert item["RideId"] == body["RideId"]
    assert item["User"] == "the_username"
    assert item["Unicorn"] == body["Unicorn"]
    assert item["UnicornName"] == body["UnicornName"]
    requested = datetime.fromisoformat(item["RequestTime"])
    assert before - timedelta(seconds=1) <= requested <= datetime.now(UTC) + timedelta(seconds=1)
    assert "Finding unicorn for 47.6174755835663, -122.28837066650185" in capsys.readouterr().out


def test_ride_ids_are_unique_url_safe_16_byte_ids(rides, function):
    ids = {json.loads(function.handler(EVENT, CONTEXT)["body"])["RideId"] for _ in range(50)}
    assert len(ids) == 50
    for ride_id in ids:
        assert len(ride_id) == 22 and not set(ride_id) & set("+/=")
        assert len(base64.urlsafe_b64decode(ride_id + "==")) == 16
    assert rides.scan(Select="COUNT")["Count"] == 50


def test_every_unicorn_of_the_fleet_can_be_dispatched(rides, function, monkeypatch):
    for unicorn in function.FLEET:
        monkeypatch.setattr(function.random, "choice", lambda fleet, u=unicorn: u)
        body = json.loads(function.handler(EVENT, CONTEXT)["body"])
        assert body["UnicornName"] == unicorn["Name"]
    names = sorted(item["UnicornName"] for item in rides.scan()["Items"])
    assert names == sorted(u["Name"] for u in function.FLEET)


def test_without_the_authorizer_nothing_is_booked(rides, function):
    event = {**EVENT, "requestContext": {}}
    response = function.handler(event, CONTEXT)
    assert response["statusCode"] == 500
    assert response["headers"]["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response["body"]) == {
        "Error": "Authorization not configured",
        "Reference": CONTEXT.aws_request_id,
    }
    assert rides.scan()["Items"] == []


@pytest.mark.parametrize("body", [None, "not json", "{}", '{"PickupLocation": {"Latitude": 47.6}}'])
def test_a_bad_body_is_a_400(rides, function, body):
    response = function.handler({**EVENT, "body": body}, CONTEXT)
    assert response["statusCode"] == 400
    assert response["headers"]["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response["body"])["Reference"] == CONTEXT.aws_request_id
    assert rides.scan()["Items"] == []


def test_a_missing_table_is_a_500_with_a_reference(dynamodb, function, capsys):
    response = function.handler(EVENT, CONTEXT)
    assert response["statusCode"] == 500
    assert json.loads(response["body"]) == {"Error": "Could not record the ride", "Reference": CONTEXT.aws_request_id}
    assert "ResourceNotFoundException" in capsys.readouterr().out
