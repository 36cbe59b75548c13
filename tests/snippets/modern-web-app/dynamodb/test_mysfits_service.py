"""snippets/modern-web-app/dynamodb/mythicalMysfitsService.py: its routes, through Flask's
test client, against a moto table loaded from the page's JSON files.

The image the page builds is also run against moto by the page's own check
(snippets/modern-web-app/dynamodb/07-build.check.sh); these tests cover the edge cases.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import boto3
import pytest

pytestmark = pytest.mark.exercises(
    "modern-web-app/dynamodb/mythicalMysfitsService.py",
    "modern-web-app/dynamodb/mysfitsTableClient.py",
)

PAGE = Path(__file__).resolve().parents[4] / "snippets" / "modern-web-app" / "dynamodb"
COCO = "0e37d916-f960-4772-a25a-01b762b5c1bd"


@pytest.fixture
def api(mocked_aws, load_snippet, monkeypatch: pytest.MonkeyPatch):
    dynamodb = boto3.client("dynamodb")
    dynamodb.create_table(**json.loads((PAGE / "dynamodb-table.json").read_text()))
    dynamodb.batch_write_item(RequestItems=json.loads((PAGE / "populate-dynamodb.json").read_text()))
    # The service imports its table client by name, as it does next to it in the image.
    monkeypatch.setitem(sys.modules, "mysfitsTableClient", load_snippet(PAGE / "mysfitsTableClient.py"))
    return load_snippet(PAGE / "mythicalMysfitsService.py").app.test_client()


def item(mysfit_id: str) -> dict:
    return boto3.resource("dynamodb").Table("MysfitsTable").get_item(Key={"MysfitId": mysfit_id})["Item"]


def test_the_list_is_the_table(api) -> None:
    answer = api.get("/mysfits")
    assert answer.status_code == 200 and answer.is_json
    assert sorted(m["name"] for m in answer.json["mysfits"]) == ["CoCo", "Evangeline", "Gretta", "Pauly"]


def test_a_filter_answers_its_index(api) -> None:
    answer = api.get("/mysfits", query_string={"filter": "GoodEvil", "value": "Good"})
    assert [m["name"] for m in answer.json["mysfits"]] == ["CoCo", "Gretta"]


@pytest.mark.parametrize("query", [{"filter": "Species", "value": "Troll"}, {"filter": "GoodEvil"}])
def test_a_bad_filter_is_a_client_error(api, query: dict) -> None:
    assert api.get("/mysfits", query_string=query).status_code == 400


def test_one_mysfit(api) -> None:
    assert api.get(f"/mysfits/{COCO}").json["name"] == "CoCo"
    assert api.get("/mysfits/no-such-id").status_code == 404


def test_a_like_counts_in_the_table(api) -> None:
    assert api.post(f"/mysfits/{COCO}/like").json["likes"] == 1
    assert api.post(f"/mysfits/{COCO}/like").json["likes"] == 2
    assert item(COCO)["Likes"] == 2


def test_an_adoption_is_stored(api) -> None:
    assert api.post(f"/mysfits/{COCO}/adopt").json["adopted"] is True
    assert item(COCO)["Adopted"] is True


@pytest.mark.parametrize("action", ["like", "adopt"])
def test_an_unknown_mysfit_is_not_created(api, action: str) -> None:
    assert api.post(f"/mysfits/no-such-id/{action}").status_code == 404
    assert boto3.client("dynamodb").scan(TableName="MysfitsTable")["Count"] == 4


def test_the_browser_preflight_is_answered(api) -> None:
    answer = api.options(
        f"/mysfits/{COCO}/like",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"},
    )
    assert answer.status_code == 200
    assert answer.headers["Access-Control-Allow-Origin"] in ("*", "https://example.org")
