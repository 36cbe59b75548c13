"""snippets/modern-web-app/dynamodb/mysfitsTableClient.py against a moto table built from
the page's own dynamodb-table.json and populate-dynamodb.json."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import boto3
import pytest

pytestmark = pytest.mark.exercises(
    "modern-web-app/dynamodb/mysfitsTableClient.py",
    "modern-web-app/dynamodb/dynamodb-table.json",
    "modern-web-app/dynamodb/populate-dynamodb.json",
)

SNIPPETS = Path(__file__).resolve().parents[4] / "snippets" / "modern-web-app"
PAGE = SNIPPETS / "dynamodb"
SERVICE_DATA = SNIPPETS / "fargate-service" / "mysfits-response.json"


@pytest.fixture
def client(mocked_aws, load_snippet) -> ModuleType:
    dynamodb = boto3.client("dynamodb")
    dynamodb.create_table(**json.loads((PAGE / "dynamodb-table.json").read_text()))
    written = dynamodb.batch_write_item(RequestItems=json.loads((PAGE / "populate-dynamodb.json").read_text()))
    assert written["UnprocessedItems"] == {}
    return load_snippet(PAGE / "mysfitsTableClient.py")


def test_all_mysfits_have_the_shape_the_website_already_reads(client: ModuleType) -> None:
    """Module 2 served mysfits-response.json; module 3 must answer the same data from the table."""
    served = json.loads(SERVICE_DATA.read_text())["mysfits"]
    answered = client.get_all_mysfits()["mysfits"]
    by_id = {m["mysfitId"]: m for m in answered}
    assert sorted(by_id) == sorted(m["mysfitId"] for m in served)
    for mysfit in served:
        assert {k: by_id[mysfit["mysfitId"]][k] for k in mysfit} == mysfit
        assert by_id[mysfit["mysfitId"]]["likes"] == 0
    json.dumps(answered)  # no Decimal left: the route can serialise it


@pytest.mark.parametrize(
    ("filter_name", "value", "names"),
    [
        ("LawChaos", "Lawful", ["Pauly", "Evangeline"]),
        ("GoodEvil", "Good", ["CoCo", "Gretta"]),
        ("GoodEvil", "Evil", ["Evangeline"]),
        ("LawChaos", "Chaotic", ["CoCo"]),
        ("GoodEvil", "Nonexistent", []),
    ],
)
def test_a_filter_queries_its_index(client: ModuleType, filter_name: str, value: str, names: list[str]) -> None:
    mysfits = client.query_mysfits(filter_name, value)["mysfits"]
    assert [m["name"] for m in mysfits] == names  # in the index's sort-key (MysfitId) order
    assert all(m[filter_name.lower()] == value for m in mysfits)


@pytest.mark.parametrize("filter_name", ["Species", "MysfitId", "goodevil", ""])
def test_an_unknown_filter_is_refused_before_any_request(client: ModuleType, filter_name: str) -> None:
    with pytest.raises(ValueError, match="unknown filter"):
        client.query_mysfits(filter_name, "Good")


def test_a_scan_follows_every_page(client: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """DynamoDB returns at most 1 MB per scan; the client must follow LastEvaluatedKey."""
    real_scan = client.table.scan
    calls: list[dict] = []

    def scan_one_item_at_a_time(**kwargs):
        calls.append(kwargs)
        return real_scan(Limit=1, **kwargs)

    monkeypatch.setattr(client.table, "scan", scan_one_item_at_a_time)
    assert len(client.get_all_mysfits()["mysfits"]) == 4
    assert len(calls) >= 4 and "ExclusiveStartKey" in calls[-1]
