"""What the harness knows about a check: its result (Outcome), and how it is written in the report."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Outcome:
    status: str  # passed | failed | skipped
    message: str = ""
    output: str = ""
    duration: float = 0.0
    checked_by: str = ""
    requires: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status == "failed"
