"""RequestUnicorn: dispatch a unicorn to the signed-in rider and record the ride in DynamoDB."""

import base64
import json
import random
import secrets
from datetime import UTC, datetime

import boto3

FLEET = [
    {"Name": "Angel", "Color": "White", "Gender": "Female"},
    {"Name": "Gil", "Color": "White", "Gender": "Male"},
    {"Name": "Rocinante", "Color": "Yellow", "Gender": "Female"},
]
# The browser calls the API from the website's origin: let it read the response.
CORS_HEADERS = {"Access-Control-Allow-Origin": "*"}

rides = boto3.resource("dynamodb").Table("Rides")


def handler(event, context):
    authorizer = (event.get("requestContext") or {}).get("authorizer")
    if not authorizer:
        # API Gateway puts the Cognito claims here only when the method has the authorizer.
        return error_response(500, "Authorization not configured", context)
    username = authorizer["claims"]["cognito:username"]

    try:
        pickup_location = json.loads(event["body"])["PickupLocation"]
        latitude, longitude = pickup_location["Latitude"], pickup_location["Longitude"]
    except (TypeError, KeyError, ValueError):
        return error_response(400, "The body must be JSON with PickupLocation.Latitude and .Longitude", context)

    ride_id = to_url_string(secrets.token_bytes(16))
    unicorn = find_unicorn(latitude, longitude)
    try:
        record_ride(ride_id, username, unicorn)
    except Exception as error:  # whatever went wrong, the rider gets a 500 and a reference
        print(f"Could not record ride {ride_id}: {error!r}")
        return error_response(500, "Could not record the ride", context)

    return {
        "statusCode": 201,
        "headers": CORS_HEADERS,
        "body": json.dumps(
            {
                "RideId": ride_id,
                "Unicorn": unicorn,
                "UnicornName": unicorn["Name"],
                "Eta": "30 seconds",
                "Rider": username,
            }
        ),
    }


def find_unicorn(latitude, longitude):
    """Any unicorn of the fleet; a real service would pick the nearest available one."""
    print(f"Finding unicorn for {latitude}, {longitude}")
    return random.choice(FLEET)


def record_ride(ride_id, username, unicorn):
    rides.put_item(
        Item={
            "RideId": ride_id,
            "User": username,
            "Unicorn": unicorn,
            "UnicornName": unicorn["Name"],
            "RequestTime": datetime.now(UTC).isoformat(),
        }
    )


def to_url_string(data):
    """Base64 that is safe in a URL: '-' and '_' instead of '+' and '/', no '=' padding."""
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def error_response(status_code, message, context):
    return {
        "statusCode": status_code,
        "headers": CORS_HEADERS,
        "body": json.dumps({"Error": message, "Reference": context.aws_request_id}),
    }
