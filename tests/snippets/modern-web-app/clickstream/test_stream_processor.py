"""snippets/modern-web-app/clickstream/streamProcessor.py on Firehose transformation events,
against a moto MysfitsTable loaded from the DynamoDB page's own files."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from types import ModuleType

import boto3
import pytest

pytestmark = pytest.mark.exercises("modern-web-app/clickstream/streamProcessor.py")

SNIPPETS = Path(__file__).resolve().parents[4] / "snippets" / "modern-web-app"
DYNAMODB = SNIPPETS / "dynamodb"
EVANGELINE = "4e53920c-505a-4a90-a694-b9300791f0ae"
GRETTA = "da5303ae-5aba-495c-b5d6-eb5c4a66b941"
STREAM = "arn:aws:firehose:us-east-1:123456789012:deliverystream/MysfitsClickStream"


def encode(data: bytes | str) -> str:
    return base64.b64encode(data.encode() if isinstance(data, str) else data).decode()


def event(*payloads: bytes | str | dict) -> dict:
    """A Firehose data-transformation event, as Lambda receives it."""
    records = []
    for number, payload in enumerate(payloads):
        data = json.dumps(payload) if isinstance(payload, dict) else payload
        records.append(
            {
                "recordId": f"record-{number}",
                "approximateArrivalTimestamp": 1764288000000 + number,
                "data": encode(data),
            }
        )
    return {"invocationId": "invocation-1", "deliveryStreamArn": STREAM, "region": "us-east-1", "records": records}


@pytest.fixture
def processor(mocked_aws, load_snippet) -> ModuleType:
    dynamodb = boto3.client("dynamodb")
    dynamodb.create_table(**json.loads((DYNAMODB / "dynamodb-table.json").read_text()))
    dynamodb.batch_write_item(RequestItems=json.loads((DYNAMODB / "populate-dynamodb.json").read_text()))
    return load_snippet(SNIPPETS / "clickstream" / "streamProcessor.py")


def decoded(record: dict) -> str:
    return base64.b64decode(record["data"]).decode()


def test_clicks_come_back_enriched_one_json_per_line(processor: ModuleType) -> None:
    clicks = [{"userId": "visitor-1", "mysfitId": EVANGELINE}, {"userId": "visitor-2", "mysfitId": GRETTA}]
    answer = processor.process_record(event(*clicks), None)
    assert [r["recordId"] for r in answer["records"]] == ["record-0", "record-1"]
    assert all(r["result"] == "Ok" for r in answer["records"])
    lines = [decoded(r) for r in answer["records"]]
    assert all(line.endswith("}\n") and line.count("\n") == 1 for line in lines)
    first, second = (json.loads(line) for line in lines)
    assert first == {
        "userId": "visitor-1",
        "mysfitId": EVANGELINE,
        "mysfitName": "Evangeline",
        "species": "Chimera",
        "goodEvil": "Evil",
        "lawChaos": "Lawful",
    }
    assert (second["mysfitName"], second["goodEvil"], second["lawChaos"]) == ("Gretta", "Good", "Neutral")


def test_a_click_on_an_unknown_mysfit_is_kept_as_it_came(processor: ModuleType) -> None:
    click = {"userId": "visitor-3", "mysfitId": "no-such-mysfit", "extra": [1, 2]}
    (record,) = processor.process_record(event(click), None)["records"]
    assert record["result"] == "Ok"
    assert json.loads(decoded(record)) == click


@pytest.mark.parametrize(
    "payload",
    [
        "not json at all",
        "",
        '["a", "list"]',
        '"a string"',
        "42",
        "null",
        '{"userId": "visitor-4"}',
        '{"mysfitId": 42}',
        '{"mysfitId": ""}',
        '{"mysfitId": null}',
        b"\xff\xfe not utf-8",
    ],
)
def test_a_record_that_is_not_a_click_fails_alone_and_keeps_its_data(processor: ModuleType, payload) -> None:
    good = {"userId": "visitor-1", "mysfitId": EVANGELINE}
    batch = event(good, payload, good)
    answer = processor.process_record(batch, None)["records"]
    assert [r["result"] for r in answer] == ["Ok", "ProcessingFailed", "Ok"]
    assert answer[1] == {"recordId": "record-1", "result": "ProcessingFailed", "data": batch["records"][1]["data"]}


def test_data_that_is_not_base64_fails_alone(processor: ModuleType) -> None:
    batch = event({"userId": "visitor-1", "mysfitId": EVANGELINE})
    batch["records"][0]["data"] = "%%% not base64 %%%"
    (record,) = processor.process_record(batch, None)["records"]
    assert record["result"] == "ProcessingFailed" and record["data"] == "%%% not base64 %%%"


def test_each_mysfit_is_read_once_per_batch(processor: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[dict] = []
    real_get_item = processor.table.get_item

    def counting_get_item(**kwargs):
        reads.append(kwargs["Key"])
        return real_get_item(**kwargs)

    monkeypatch.setattr(processor.table, "get_item", counting_get_item)
    clicks = [{"userId": f"visitor-{n}", "mysfitId": EVANGELINE if n % 3 else GRETTA} for n in range(30)]
    answer = processor.process_record(event(*clicks), None)["records"]
    assert len(answer) == 30 and all(r["result"] == "Ok" for r in answer)
    assert sorted(k["MysfitId"] for k in reads) == sorted([EVANGELINE, GRETTA])


def test_an_empty_batch_gives_an_empty_answer(processor: ModuleType) -> None:
    assert processor.process_record(event(), None) == {"records": []}
