"""Behaviour of snippets/serverless/lambda-thumbnail/CreateThumbnail.py on S3 events, against moto S3."""

from __future__ import annotations

import importlib.util
import io
import json
import urllib.parse
from pathlib import Path
from types import ModuleType

import boto3
import pytest
from PIL import Image

pytestmark = pytest.mark.exercises("serverless/lambda-thumbnail/CreateThumbnail.py")

ROOT = Path(__file__).resolve().parents[4]
PAGE = ROOT / "snippets/serverless/lambda-thumbnail"
HANDLER = PAGE / "CreateThumbnail.py"
BUCKET = "images-123456789012"

# (object key as uploaded, the key as S3 puts it in the event: URL-encoded, spaces as "+")
KEYS = [
    ("HappyFace.jpg", "HappyFace.jpg"),
    ("holiday photos/beach day.jpg", "holiday+photos/beach+day.jpg"),
    ("2024/06/01/nested/prefix/tower.png", "2024/06/01/nested/prefix/tower.png"),
    ("café/crème brûlée.png", "caf%C3%A9/cr%C3%A8me+br%C3%BBl%C3%A9e.png"),
    ("c++/a+b=c.jpg", "c%2B%2B/a%2Bb%3Dc.jpg"),
]
SIZES = {".jpg": (640, 480), ".png": (300, 1000)}
FORMATS = {".jpg": ("JPEG", "image/jpeg"), ".png": ("PNG", "image/png")}


@pytest.fixture
def aws(mocked_aws):
    """moto S3 (in-process, see tests/snippets/conftest.py) with the page's two buckets."""
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    s3.create_bucket(Bucket=f"{BUCKET}-resized")
    return s3


@pytest.fixture
def handler(aws, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The snippet loaded fresh inside the mock, as Lambda loads it; its temp files in tmp_path."""
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    spec = importlib.util.spec_from_file_location("CreateThumbnail", HANDLER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def image_bytes(suffix: str) -> bytes:
    image_format, _ = FORMATS[suffix]
    mode = "RGB" if image_format == "JPEG" else "RGBA"
    image = Image.new(mode, SIZES[suffix], "orange")
    buffer = io.BytesIO()
    image.save(buffer, format=image_format)
    return buffer.getvalue()


def s3_event(bucket: str, encoded_keys: list[str]) -> dict:
    return {
        "Records": [
            {
                "eventSource": "aws:s3",
                "eventName": "ObjectCreated:Put",
                "s3": {"bucket": {"name": bucket}, "object": {"key": encoded, "size": 1}},
            }
            for encoded in encoded_keys
        ]
    }


def test_event_keys_are_encoded_as_s3_sends_them():
    """The test data itself: the event keys are the uploaded keys as S3 encodes them."""
    for key, encoded in KEYS:
        assert urllib.parse.quote_plus(key, safe="/") == encoded


@pytest.mark.parametrize(("key", "encoded"), KEYS, ids=[key for key, _ in KEYS])
def test_thumbnail_in_resized_bucket(aws, handler, tmp_path: Path, key: str, encoded: str):
    suffix = Path(key).suffix
    aws.put_object(Bucket=BUCKET, Key=key, Body=image_bytes(suffix))

    handler.handler(s3_event(BUCKET, [encoded]), None)

    thumbnail = aws.get_object(Bucket=f"{BUCKET}-resized", Key=f"thumbnail-{key}")
    image_format, content_type = FORMATS[suffix]
    assert thumbnail["ContentType"] == content_type
    with Image.open(io.BytesIO(thumbnail["Body"].read())) as image:
        assert image.format == image_format
        assert max(image.size) == 128 and min(image.size) <= 128
        width, height = SIZES[suffix]
        assert abs(image.size[0] / image.size[1] - width / height) < 0.05  # aspect ratio kept
    assert list(tmp_path.iterdir()) == [], "the handler left temp files behind"


def test_many_records_one_event(aws, handler, tmp_path: Path):
    """One event can carry several records; each gets its thumbnail, nothing collides in /tmp."""
    for key, _ in KEYS:
        aws.put_object(Bucket=BUCKET, Key=key, Body=image_bytes(Path(key).suffix))

    handler.handler(s3_event(BUCKET, [encoded for _, encoded in KEYS]), None)

    listed = aws.list_objects_v2(Bucket=f"{BUCKET}-resized")["Contents"]
    assert sorted(item["Key"] for item in listed) == sorted(f"thumbnail-{key}" for key, _ in KEYS)
    assert list(tmp_path.iterdir()) == []


def test_source_bucket_is_left_alone(aws, handler):
    aws.put_object(Bucket=BUCKET, Key="HappyFace.jpg", Body=image_bytes(".jpg"))

    handler.handler(s3_event(BUCKET, ["HappyFace.jpg"]), None)

    keys = [item["Key"] for item in aws.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == ["HappyFace.jpg"]


def test_missing_object_raises(aws, handler):
    """An event for a key that is not there fails the invocation (Lambda retries it), nothing is written."""
    with pytest.raises(Exception, match="404|Not Found"):
        handler.handler(s3_event(BUCKET, ["no+such+image.jpg"]), None)
    assert "Contents" not in aws.list_objects_v2(Bucket=f"{BUCKET}-resized")


def test_the_pages_sample_event(aws, handler):
    """The S3 event shown on the page (s3-put-event.json), exactly as written there."""
    event = json.loads((PAGE / "s3-put-event.json").read_text(encoding="utf-8"))
    record = event["Records"][0]["s3"]
    assert record["bucket"]["name"] == BUCKET
    aws.put_object(Bucket=BUCKET, Key="holiday photos/café terrace.jpg", Body=image_bytes(".jpg"))

    handler.handler(event, None)

    thumbnail = aws.get_object(Bucket=f"{BUCKET}-resized", Key="thumbnail-holiday photos/café terrace.jpg")
    assert thumbnail["ContentType"] == "image/jpeg"
    with Image.open(io.BytesIO(thumbnail["Body"].read())) as image:
        assert image.size == (128, 96)
