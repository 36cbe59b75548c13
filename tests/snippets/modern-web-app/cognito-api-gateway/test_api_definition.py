"""snippets/modern-web-app/cognito-api-gateway/api-swagger.json, checked where moto cannot.

moto imports the paths, methods and integrations but ignores security schemes, so the
Cognito authorizer and the VPC link wiring are checked here, on the definition itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.exercises("modern-web-app/cognito-api-gateway/api-swagger.json")

PAGE = Path(__file__).resolve().parents[4] / "snippets" / "modern-web-app" / "cognito-api-gateway"
DEFINITION = json.loads((PAGE / "api-swagger.json").read_text())
OPERATIONS = [
    (path, method, operation) for path, item in DEFINITION["paths"].items() for method, operation in item.items()
]
SCHEMES = DEFINITION["components"]["securitySchemes"]


def test_it_is_a_valid_openapi_3_document() -> None:
    assert DEFINITION["openapi"].startswith("3.")
    validate(DEFINITION)


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS, ids=lambda v: v if isinstance(v, str) else "")
def test_every_operation_goes_through_the_vpc_link_to_the_same_path(path: str, method: str, operation: dict) -> None:
    integration = operation["x-amazon-apigateway-integration"]
    assert integration["type"] == "http_proxy"
    assert integration["connectionType"] == "VPC_LINK"
    assert integration["connectionId"] == "VPC_LINK_ID"
    assert integration["httpMethod"] == method.upper()
    assert integration["uri"] == f"http://NLB_DNS{path}"
    # Each path parameter is declared by the method and handed to the integration.
    declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
    assert declared == set(re.findall(r"{(\w+)}", path))
    mapped = integration.get("requestParameters", {})
    assert mapped == {f"integration.request.path.{p}": f"method.request.path.{p}" for p in declared}


def test_the_authorizer_is_cognito_on_the_authorization_header_of_this_pool() -> None:
    assert list(SCHEMES) == ["MysfitsUserPoolAuthorizer"]
    scheme = SCHEMES["MysfitsUserPoolAuthorizer"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "Authorization")
    assert scheme["x-amazon-apigateway-authtype"] == "cognito_user_pools"
    assert scheme["x-amazon-apigateway-authorizer"] == {
        "type": "cognito_user_pools",
        "providerARNs": ["USER_POOL_ARN"],
    }


def test_only_the_like_needs_a_signed_in_user() -> None:
    secured = {(path, method) for path, method, op in OPERATIONS if op.get("security")}
    assert secured == {("/mysfits/{mysfitId}/like", "post")}
    for path, method, operation in OPERATIONS:
        for requirement in operation.get("security", []):
            assert set(requirement) <= set(SCHEMES), f"{method} {path} names an undefined authorizer"
    # Browsers send CORS preflights without credentials: they must not need a token.
    assert all(not op.get("security") for _, method, op in OPERATIONS if method == "options")


def test_the_import_step_replaces_every_marker_of_the_definition() -> None:
    markers = set(re.findall(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b", (PAGE / "api-swagger.json").read_text()))
    markers -= {"VPC_LINK"}  # a value of connectionType, not a marker
    replaced = set(re.findall(r'-e "s\|(\w+)\|', (PAGE / "05-import-api.sh").read_text()))
    assert markers == replaced == {"NLB_DNS", "VPC_LINK_ID", "USER_POOL_ARN"}
