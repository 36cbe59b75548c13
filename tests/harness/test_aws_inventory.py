"""The AWS clean-up check: an AWS page fails, naming the resource, when it leaves one in moto."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from checks import paths
from checks.services import aws_inventory
from tests.conftest import REPO, gate_in, write_site

REASON = "The bucket stays for the next page of the section."
# Each gate starts moto and lists its account: minutes on a machine loaded far beyond its cores.
LOADED = 600


def bucket_page(name: str, *steps: str, keeps: str = "", shows: str = "") -> dict[str, str]:
    """A page of the section `sec` whose first step makes the bucket `name`-42."""
    made = {f"snippets/sec/{name}/01-bucket.sh": f"aws s3 mb s3://{name}-bucket-42\n"}
    later = {f"snippets/sec/{name}/0{n}-{name}.sh": step for n, step in enumerate(steps, start=2)}
    kept = {f"snippets/sec/{name}/_page.yml": f'keeps:\n  "s3 bucket {name}-bucket-...": "{keeps}"\n'} if keeps else {}
    return {f"docs/sec/{name}.md": f"# {name}\n\n{shows}\n", **made, **later, **kept}


# One gate over pages that each do one thing to the account, run in page order on one moto
# server: each page's clean-up check is judged on what that page left (after the first, on
# the reset account the server remembers).
PAGES = {
    **bucket_page("leaky"),
    **bucket_page("later"),
    **bucket_page("tidy", "aws s3 rb s3://tidy-bucket-42\n"),
    **bucket_page("kept", keeps=REASON, shows=REASON),
    **bucket_page("unshown", keeps=REASON),
    **bucket_page("broken", "aws s3 ls s3://no-such-bucket\n"),
}


@pytest.fixture(scope="module")
def judged(tmp_path_factory) -> dict[str, dict]:
    """The report's entry of each page's clean-up check, from one gate over PAGES."""
    folder = tmp_path_factory.mktemp("aws-pages")
    done = gate_in(folder, PAGES, timeout=LOADED)
    assert done.returncode == 1, done.stdout
    entries = json.loads((folder / "site" / "reports" / "snippets.json").read_text())["snippets"]
    return {name.split("/")[-1]: entry for name, entry in entries.items() if entry["kind"] == "clean-up"}


def test_a_page_that_leaves_a_bucket_fails_naming_it(judged):
    assert judged["leaky"]["status"] == "failed"
    assert (
        "left in the AWS account (a reader's would keep billing): s3 bucket leaky-bucket-42."
        in judged["leaky"]["reason"]
    )


def test_each_page_is_judged_on_what_it_left_itself_on_a_server_that_remembers_a_reset_account(judged):
    assert judged["later"]["status"] == "failed"
    assert "keep billing): s3 bucket later-bucket-42." in judged["later"]["reason"]
    assert "leaky" not in judged["later"]["reason"]


def test_the_same_page_deleting_its_bucket_passes(judged):
    assert judged["tidy"]["status"] == "passed"


def test_a_bucket_kept_with_a_reason_the_page_shows_passes(judged):
    assert judged["kept"]["status"] == "passed"


def test_a_kept_bucket_whose_reason_the_page_does_not_show_fails(judged):
    assert judged["unshown"]["status"] == "failed"
    assert (
        "snippets/sec/unshown/_page.yml: keeps: the reason given for s3 bucket unshown-bucket-..."
        in (judged["unshown"]["reason"])
    )


def test_a_page_whose_step_failed_has_its_clean_up_skipped_with_the_reason(judged):
    assert judged["broken"]["status"] == "skipped"
    assert "not every step of the page ran" in judged["broken"]["reason"]
    assert "02-broken.sh: failed" in judged["broken"]["reason"]


def test_a_page_without_aws_has_no_clean_up_check(run_gate):
    done = run_gate({"docs/sec/quiet.md": "# Quiet\n", "snippets/sec/quiet/01-echo.sh": "echo hi\n"}, "--collect-only")
    assert "clean-up" not in done.stdout


@pytest.mark.parametrize(
    ("left", "keeps", "problem"),
    [
        ([], {}, None),
        (["s3 bucket a"], {}, "left in the AWS account (a reader's would keep billing): s3 bucket a."),
        (["s3 bucket images-1"], {"s3 bucket images-...": "why"}, None),
        (["s3 bucket images-1"], {"s3 bucket images": "why"}, "s3 bucket images-1."),
        ([], {"iam role r": "why"}, "keeps: iam role r in _page.yml, but the page left no such resource"),
    ],
)
def test_judge(left, keeps, problem):
    found = aws_inventory.judge(left, keeps)
    assert found == problem if problem is None else problem in found


def test_keeps_without_a_reason_is_an_error_naming_the_file_and_line(tmp_path):
    page = tmp_path / "snippets" / "sec" / "p"
    page.mkdir(parents=True)
    (page / "_page.yml").write_text('timeout: 5\nkeeps:\n  "s3 bucket b": " "\n')
    from checks import page_metadata

    with pytest.raises(paths.LayoutError) as error:
        page_metadata.read(paths.Site.at(tmp_path), page)
    assert str(error.value).startswith("snippets/sec/p/_page.yml:3: ")
    assert "keeps: 's3 bucket b' has no reason" in str(error.value)


def test_the_clean_up_result_is_reused_with_the_page_steps_and_rerun_with_them(tmp_path):
    root = write_site(tmp_path / "site", bucket_page("tidy", "aws s3 rb s3://tidy-bucket-42\n"))
    env = {**os.environ, "DSP_ROOT": str(root), "PYTHONPATH": str(REPO), "DSP_ENGINE_STATE": str(tmp_path / "e")}
    env.pop("DSP_RUN_ID", None)

    def run() -> dict:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "snippets"], cwd=root, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout
        return json.loads((root / "reports" / "snippets.json").read_text())["snippets"]

    assert not run()["snippets/sec/tidy"]["reused"]
    assert run()["snippets/sec/tidy"]["reused"]
    (root / "snippets/sec/tidy/02-tidy.sh").write_text("aws s3 rb s3://tidy-bucket-42 # edited\n")
    assert not run()["snippets/sec/tidy"]["reused"]


def test_the_clean_up_item_is_scheduled_with_its_page(tmp_path):
    from checks import scheduling

    (tmp_path / "snippets" / "sec" / "page").mkdir(parents=True)
    site = paths.Site.at(tmp_path)
    assert scheduling.scope_of(site, "snippets/sec/page::clean-up", "load", tmp_path) == "snippets/sec/page"


def test_the_inventory_lists_what_bills_or_blocks_a_clean_up(monkeypatch):
    """Each kind a page creates is listed: created in an in-process moto, then found by name."""
    import boto3
    from moto import mock_aws

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    with mock_aws():
        ec2 = boto3.client("ec2")
        vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.1.1.0/24")["Subnet"]["SubnetId"]
        boto3.client("iam").create_instance_profile(InstanceProfileName="web-profile")
        boto3.client("ecs").register_task_definition(
            family="web", containerDefinitions=[{"name": "web", "image": "nginx", "memory": 128}]
        )
        beanstalk = boto3.client("elasticbeanstalk")
        beanstalk.create_application(ApplicationName="app")
        beanstalk.create_environment(ApplicationName="app", EnvironmentName="app-env")
        default_vpc = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
        found = aws_inventory.take(codecommit=False)
    for listed in [
        f"vpc {vpc}",
        f"subnet {subnet}",
        "iam instance profile web-profile",
        "beanstalk environment app-env",
        "beanstalk application app",
    ]:
        assert listed in found
    assert any(
        line.startswith("ecs task definition arn:aws:ecs:") and line.endswith(":task-definition/web:1")
        for line in found
    )
    assert f"vpc {default_vpc}" not in found  # the account's own, there before any page
    assert [line for line in found if line.startswith(("vpc ", "subnet "))] == [f"subnet {subnet}", f"vpc {vpc}"]
