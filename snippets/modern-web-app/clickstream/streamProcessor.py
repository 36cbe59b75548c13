"""Firehose data transformation: enrich each click with the clicked mysfit's details.

Firehose calls process_record with a batch of records, each base64-encoded. Every record
must come back, with the same recordId and a result: "Ok" (with the new data) or
"ProcessingFailed" (Firehose then writes the original to the bucket's error prefix).
"""

import base64
import binascii
import json
import os

import boto3

# MysfitsTable, from the DynamoDB module; the function's role may read it.
table = boto3.resource("dynamodb").Table(os.environ.get("MYSFITS_TABLE", "MysfitsTable"))


def process_record(event, context):
    mysfits: dict[str, dict | None] = {}  # each mysfit looked up once per batch
    return {"records": [transform(record, mysfits) for record in event["records"]]}


def transform(record: dict, mysfits: dict[str, dict | None]) -> dict:
    try:
        click = json.loads(base64.b64decode(record["data"], validate=True))
        mysfit_id = click["mysfitId"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        click = mysfit_id = None
    if not isinstance(mysfit_id, str) or not mysfit_id:
        return {"recordId": record["recordId"], "result": "ProcessingFailed", "data": record["data"]}

    if mysfit_id not in mysfits:
        mysfits[mysfit_id] = table.get_item(Key={"MysfitId": mysfit_id}).get("Item")
    mysfit = mysfits[mysfit_id]
    if mysfit:  # an unknown mysfit is kept as it came: the click still happened
        click.update(
            mysfitName=mysfit["Name"],
            species=mysfit["Species"],
            goodEvil=mysfit["GoodEvil"],
            lawChaos=mysfit["LawChaos"],
        )
    # Firehose writes records back to back: end each with a newline, one JSON per line.
    data = (json.dumps(click) + "\n").encode("utf-8")
    return {"recordId": record["recordId"], "result": "Ok", "data": base64.b64encode(data).decode("ascii")}
