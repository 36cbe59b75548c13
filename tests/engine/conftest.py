import pytest

from checks.services import engine


@pytest.fixture(scope="session")
def docker_engine():
    """The gate's engine (started if needed); tests are skipped with the reason if impossible."""
    reason = engine.ensure()
    if reason:
        pytest.skip(reason)
    return engine.client()
