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

from checks import model, pages, paths
from checks.collection import Page, SnippetItem
from checks.model import Outcome, Status
from checks.services import aws_inventory, session_environment

NAME = "clean-up"
CHECKED_BY = "AWS inventory (boto3 against moto)"


def uses_aws(page_dir: Path, config) -> bool:
    """Whether a shell step of the page needs AWS (declared in _page.yml or implied by `aws ...`)."""
    site = paths.site_of(config)
    try:
        meta = pages.page_meta(site, page_dir)
    except paths.LayoutError:  # the page's own items report it, naming the file and line
        return False
    requirements = session_environment.requirements(config)
    return any(
        "aws" in requirements.of(step, meta.step(step.name).requires)
        for step in pages.steps_of(site, page_dir)
        if model.kind_of(step) is model.Kind.SHELL
    )


def pytest_dsp_page_final_items(page: Page) -> list[SnippetItem]:
    """An AWS page ends with its clean-up check."""
    return [CleanUpItem.for_page(page)] if uses_aws(page.path, page.config) else []


class CleanUpItem(SnippetItem):
    @classmethod
    def for_page(cls, page: Page) -> CleanUpItem:
        return cls.from_parent(page, name=NAME, kind=NAME, path=page.path)

    @property
    def page(self) -> Page:
        return self.parent

    def runtest(self) -> None:
        unshown = reasons_not_on_page(self.site, self.page.path)
        if unshown:
            raise aws_inventory.KeepsNotShown(unshown)
        super().runtest()

    def _earlier_result(self, key: str):
        return self.page.reused.get(self.nodeid)

    def _check(self) -> Outcome:
        shell = self.page.shell_session()
        if shell.steps:
            shell.result_of(shell.steps[-1])  # every step, also when only this item was selected
        not_run = [(step, outcome) for step, outcome in shell.outcomes.items() if outcome.status is not Status.PASSED]
        if not_run:
            step, outcome = not_run[0]
            return Outcome(
                Status.SKIPPED,
                f"not every step of the page ran, so its clean-up cannot be judged ({self.site.relative(step)}: "
                f"{outcome.status}{': ' + outcome.message.splitlines()[0] if outcome.message else ''})",
                requires=outcome.requires,
            )
        left = aws_inventory.left_behind(shell)
        if left is None:
            return Outcome(Status.SKIPPED, "no step of the page used AWS", requires=["aws"])
        problem = aws_inventory.judge(left, pages.page_meta(self.site, self.page.path).keeps)
        status = Status.FAILED if problem else Status.PASSED
        return Outcome(status, problem or "", checked_by=CHECKED_BY, requires=["aws"])

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, aws_inventory.KeepsNotShown):
            return f"{self.site.relative(self.page.path / model.METADATA_NAME)}: {excinfo.value}"
        return super().repr_failure(excinfo, style)


def reasons_not_on_page(site: paths.Site, page_dir: Path) -> list[str]:
    """The `keeps:` entries whose reason the page does not say (a reader must learn why it stays)."""
    keeps = pages.page_meta(site, page_dir).keeps
    if not keeps:
        return []
    text = " ".join(pages.page_of(site, page_dir).read_text(encoding="utf-8").split())
    return [resource for resource, reason in keeps.items() if " ".join(reason.split()) not in text]
