"""The engine state's removals.log names who removed which engine objects (labelled.py)."""

from types import SimpleNamespace

from checks.services import labelled


class Listed:
    def __init__(self, *objects):
        self.objects = objects

    def list(self, **_filters):
        return list(self.objects)


def test_each_removal_is_logged_with_its_process_test_and_label(tmp_path, monkeypatch):
    monkeypatch.setenv("DSP_ENGINE_STATE", str(tmp_path))
    monkeypatch.setenv("PYTEST_CURRENT_TEST", "tests/test_x.py::test_y (call)")
    network = SimpleNamespace(name="web-net", remove=lambda: None)
    api = SimpleNamespace(
        info=lambda: {"Swarm": {"LocalNodeState": "inactive"}},
        services=Listed(), containers=Listed(), networks=Listed(network), volumes=Listed(), images=Listed(),
    )  # fmt: skip
    assert labelled.remove_labelled(api, "dsp.session=abc") == ["network web-net"]
    assert labelled.remove_labelled(SimpleNamespace(**{**vars(api), "networks": Listed()}), "dsp.session=none") == []
    lines = (tmp_path / "removals.log").read_text().splitlines()
    assert len(lines) == 1, lines  # nothing removed, nothing logged
    assert lines[0].endswith("(tests/test_x.py::test_y (call)) dsp.session=abc: network web-net")
