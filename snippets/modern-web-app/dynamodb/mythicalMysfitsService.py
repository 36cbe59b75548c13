"""The Mythical Mysfits service, now reading and updating DynamoDB (module 3).

GET  /                         answers the load balancer's health checks
GET  /mysfits                  every mysfit; ?filter=GoodEvil&value=Good for some of them
GET  /mysfits/<id>             one mysfit
POST /mysfits/<id>/like        one more like
POST /mysfits/<id>/adopt       adopt it
"""

import mysfitsTableClient
from flask import Flask, abort, jsonify, request
from flask_cors import CORS

app = Flask(__name__)
# The website is served from S3, a different origin: let browsers call this API.
CORS(app)


@app.route("/")
def health_check():
    return jsonify({"message": "Nothing here, used for health check. Try /mysfits instead."})


@app.route("/mysfits")
def get_mysfits():
    filter_name = request.args.get("filter")
    if filter_name is None:
        return jsonify(mysfitsTableClient.get_all_mysfits())
    value = request.args.get("value")
    if not value:
        abort(400, "a filter needs a value: /mysfits?filter=GoodEvil&value=Good")
    try:
        return jsonify(mysfitsTableClient.query_mysfits(filter_name, value))
    except ValueError as error:
        abort(400, str(error))


@app.route("/mysfits/<mysfit_id>")
def get_mysfit(mysfit_id):
    return found(mysfitsTableClient.get_mysfit(mysfit_id))


@app.route("/mysfits/<mysfit_id>/like", methods=["POST"])
def like_mysfit(mysfit_id):
    return found(mysfitsTableClient.like_mysfit(mysfit_id))


@app.route("/mysfits/<mysfit_id>/adopt", methods=["POST"])
def adopt_mysfit(mysfit_id):
    return found(mysfitsTableClient.adopt_mysfit(mysfit_id))


def found(mysfit):
    if mysfit is None:
        abort(404, "no mysfit has this id")
    return jsonify(mysfit)


if __name__ == "__main__":
    # For trying it out on your machine; the container runs it with gunicorn.
    app.run(host="0.0.0.0", port=8080)
