"""Read the mysfits from DynamoDB for the Mythical Mysfits service (module 3).

The service's /mysfits route returns get_all_mysfits(), or query_mysfits(...) when
the website asks for a filter (/mysfits?filter=GoodEvil&value=Good). The JSON shape
is the one the static file of module 2 had, so the website does not change.
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
