"""Read and update the mysfits in DynamoDB for the Mythical Mysfits service.

The service's routes call these functions: get_all_mysfits() for /mysfits,
query_mysfits(...) for /mysfits?filter=GoodEvil&value=Good, get_mysfit(...) for
/mysfits/<id>, like_mysfit(...) and adopt_mysfit(...) for the POSTs. The JSON shape is
the one the static file of module 2 had, so the website does not change.
"""

import boto3
from boto3.dynamodb.conditions import Key

TABLE_NAME = "MysfitsTable"
# Each filter the website offers has a global secondary index named after it.
FILTERS = {"GoodEvil": "GoodEvilIndex", "LawChaos": "LawChaosIndex"}

# The Fargate task gets credentials from its task role: none are stored here.
table = boto3.resource("dynamodb").Table(TABLE_NAME)


def to_mysfit(item: dict) -> dict:
    """A DynamoDB item as the website expects it."""
    return {
        "mysfitId": item["MysfitId"],
        "name": item["Name"],
        "species": item["Species"],
        "age": int(item["Age"]),
        "goodevil": item["GoodEvil"],
        "lawchaos": item["LawChaos"],
        "description": item["Description"],
        "likes": int(item.get("Likes", 0)),
        "adopted": bool(item.get("Adopted", False)),
    }


def get_all_mysfits() -> dict:
    """Every mysfit. A scan reads the whole table: fine for a few dozen items."""
    items, kwargs = [], {}
    while True:
        page = table.scan(**kwargs)
        items += page["Items"]
        if "LastEvaluatedKey" not in page:
            break
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    return {"mysfits": [to_mysfit(item) for item in items]}


def query_mysfits(filter_name: str, value: str) -> dict:
    """The mysfits whose filter attribute (GoodEvil or LawChaos) equals value."""
    if filter_name not in FILTERS:
        raise ValueError(f"unknown filter {filter_name!r}; expected one of {sorted(FILTERS)}")
    page = table.query(
        IndexName=FILTERS[filter_name],
        KeyConditionExpression=Key(filter_name).eq(value),
    )
    return {"mysfits": [to_mysfit(item) for item in page["Items"]]}


def get_mysfit(mysfit_id: str) -> dict | None:
    """One mysfit, or None if no item has this id."""
    item = table.get_item(Key={"MysfitId": mysfit_id}).get("Item")
    return to_mysfit(item) if item else None


def _update(mysfit_id: str, expression: str, values: dict) -> dict | None:
    """Apply an update to an existing mysfit only (never create one); None if there is none."""
    try:
        updated = table.update_item(
            Key={"MysfitId": mysfit_id},
            UpdateExpression=expression,
            ExpressionAttributeValues=values,
            ConditionExpression="attribute_exists(MysfitId)",
            ReturnValues="ALL_NEW",
        )
    except table.meta.client.exceptions.ConditionalCheckFailedException:
        return None
    return to_mysfit(updated["Attributes"])


def like_mysfit(mysfit_id: str) -> dict | None:
    """One more like, counted by DynamoDB itself: two visitors liking at once both count."""
    return _update(mysfit_id, "SET Likes = if_not_exists(Likes, :zero) + :one", {":zero": 0, ":one": 1})


def adopt_mysfit(mysfit_id: str) -> dict | None:
    """Mark the mysfit as adopted."""
    return _update(mysfit_id, "SET Adopted = :true", {":true": True})
