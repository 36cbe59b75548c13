"""The Mythical Mysfits service: a small Flask API that the website calls.

GET /         answers the load balancer's health checks
GET /mysfits  returns every mysfit, read from mysfits-response.json
"""

import json
from pathlib import Path

from flask import Flask, jsonify
from flask_cors import CORS

app = Flask(__name__)
# The website is served from S3, a different origin: let browsers call this API.
CORS(app)

MYSFITS_FILE = Path(__file__).with_name("mysfits-response.json")


@app.route("/")
def health_check():
    return jsonify({"message": "Nothing here, used for health check. Try /mysfits instead."})


@app.route("/mysfits")
def get_mysfits():
    # No database yet (that comes in module 3): the data is a JSON file next to the code.
    return jsonify(json.loads(MYSFITS_FILE.read_text(encoding="utf-8")))


if __name__ == "__main__":
    # For trying it out on your machine; the container runs it with gunicorn.
    app.run(host="0.0.0.0", port=8080)
