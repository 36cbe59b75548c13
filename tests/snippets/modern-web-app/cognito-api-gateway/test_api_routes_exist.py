"""Every operation of snippets/modern-web-app/cognito-api-gateway/api-swagger.json is a
route of the service it is sent to (snippets/modern-web-app/dynamodb/mythicalMysfitsService.py,
the module-3 service that the API fronts), with the same method."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.exercises(
    "modern-web-app/cognito-api-gateway/api-swagger.json",
    "modern-web-app/dynamodb/mythicalMysfitsService.py",
)

SNIPPETS = Path(__file__).resolve().parents[4] / "snippets" / "modern-web-app"
DEFINITION = json.loads((SNIPPETS / "cognito-api-gateway" / "api-swagger.json").read_text())


@pytest.fixture
def service(mocked_aws, load_snippet, monkeypatch: pytest.MonkeyPatch):
    client = load_snippet(SNIPPETS / "dynamodb" / "mysfitsTableClient.py")
    monkeypatch.setitem(sys.modules, "mysfitsTableClient", client)
    return load_snippet(SNIPPETS / "dynamodb" / "mythicalMysfitsService.py").app


def flask_routes(app) -> set[tuple[str, str]]:
    """(path in OpenAPI's {name} form, method) for every route; OPTIONS is Flask's own."""
    return {
        (re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - {"HEAD"}
    }


def normalised(path: str) -> str:
    """Path parameter names may differ between the two (mysfitId, mysfit_id)."""
    return re.sub(r"{\w+}", "{}", path)


def test_every_api_operation_is_a_route_of_the_service(service) -> None:
    routes = {(normalised(path), method) for path, method in flask_routes(service)}
    operations = {
        (normalised(operation["x-amazon-apigateway-integration"]["uri"].removeprefix("http://NLB_DNS")), method)
        for item in DEFINITION["paths"].values()
        for method, operation in item.items()
    }
    assert operations, "the definition has no operation"
    missing = operations - routes
    assert not missing, f"api-swagger.json sends these to the service, which has no such route: {sorted(missing)}"


def test_the_like_route_is_there_with_its_preflight(service) -> None:
    routes = {(normalised(path), method) for path, method in flask_routes(service)}
    assert {("/mysfits/{}/like", "post"), ("/mysfits/{}/like", "options"), ("/mysfits", "get")} <= routes
