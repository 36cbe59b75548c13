"""`<page>::clean-up`: the last item of an AWS page, failing it if the page left resources in moto.

The item stands for the page's clean-up as a reader would be billed for it: it passes when
the account holds, after the page's last step, only what it held before the page's first
AWS step, plus what `_page.yml` keeps with a reason the page itself shows. It is reused
from the cache together with the page's shell steps (collection.Page.setup): its result
depends on the same inputs. When a step of the page did not run (failed, or skipped for
a missing requirement), the inventory would prove nothing, so the item is skipped, saying which.
"""

from __future__ import annotations

from pathlib import Path

from checks import layout
from checks.collection import Page, SnippetItem
from checks.services import aws_inventory, environment
from checks.session import Outcome

NAME = "clean-up"
CHECKED_BY = "AWS inventory (boto3 against moto)"


def uses_aws(page_dir: Path) -> bool:
    """Whether a shell step of the page needs AWS (declared in _page.yml or implied by `aws ...`)."""
    meta = layout.page_meta(page_dir)
    return any(
        "aws" in environment.requirements_of(step, meta.step(step.name).requires)
        for step in layout.steps_of(page_dir)
        if layout.kind_of(step) == "shell"
    )


class CleanUpItem(SnippetItem):
    @classmethod
    def for_page(cls, page: Page) -> CleanUpItem:
        return cls.from_parent(page, name=NAME, kind=NAME, path=page.path)

    @property
    def page(self) -> Page:
        return self.parent

    def runtest(self) -> None:
        unshown = reasons_not_on_page(self.page.path)
        if unshown:
            raise aws_inventory.KeepsNotShown(unshown)
        super().runtest()

    def _earlier_result(self, key: str):
        return self.page.reused.get(self.nodeid)

    def _check(self) -> Outcome:
        shell = self.page.shell_session()
        if shell.steps:
            shell.result_of(shell.steps[-1])  # every step, also when only this item was selected
        not_run = [(step, outcome) for step, outcome in shell.outcomes.items() if outcome.status != "passed"]
        if not_run:
            step, outcome = not_run[0]
            return Outcome(
                "skipped",
                f"not every step of the page ran, so its clean-up cannot be judged ({layout.relative(step)}: "
                f"{outcome.status}{': ' + outcome.message.splitlines()[0] if outcome.message else ''})",
                requires=outcome.requires,
            )
        left = aws_inventory.left_behind(shell)
        if left is None:
            return Outcome("skipped", "no step of the page used AWS", requires=["aws"])
        problem = aws_inventory.judge(left, layout.page_meta(self.page.path).keeps)
        return Outcome("failed" if problem else "passed", problem or "", checked_by=CHECKED_BY, requires=["aws"])

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, aws_inventory.KeepsNotShown):
            return f"{layout.relative(self.page.path / layout.METADATA_NAME)}: {excinfo.value}"
        return super().repr_failure(excinfo, style)


def reasons_not_on_page(page_dir: Path) -> list[str]:
    """The `keeps:` entries whose reason the page does not say (a reader must learn why it stays)."""
    keeps = layout.page_meta(page_dir).keeps
    if not keeps:
        return []
    text = " ".join(layout.page_of(page_dir).read_text(encoding="utf-8").split())
    return [resource for resource, reason in keeps.items() if " ".join(reason.split()) not in text]
