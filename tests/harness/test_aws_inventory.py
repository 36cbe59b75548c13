"""The AWS clean-up check: an AWS page fails, naming the resource, when it leaves one in moto."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from checks import paths
from checks.services import aws_inventory
from tests.conftest import REPO, write_site

CREATE = {"snippets/sec/leaky/01-bucket.sh": "aws s3 mb s3://leaky-bucket-42\n"}
DELETE = {"snippets/sec/leaky/02-clean-up.sh": "aws s3 rb s3://leaky-bucket-42\n"}
REASON = "The bucket stays for the next page of the section."
# Each run starts moto and lists its account twice: minutes on a machine loaded far beyond its cores.
LOADED = 600
KEEPS = {"snippets/sec/leaky/_page.yml": f'keeps:\n  "s3 bucket leaky-bucket-...": "{REASON}"\n'}


def site(*parts: dict[str, str], page: str = "# Leaky\n") -> dict[str, str]:
    return {"docs/sec/leaky.md": page, **{name: text for part in parts for name, text in part.items()}}


def test_a_page_that_leaves_a_bucket_fails_naming_it(run_gate):
    done = run_gate(site(CREATE), timeout=LOADED)
    assert done.returncode == 1, done.stdout
    assert "snippets/sec/leaky [clean-up]" in done.stdout
    assert "left in the AWS account (a reader's would keep billing): s3 bucket leaky-bucket-42." in done.stdout
    assert "1 failed, 1 passed" in done.stdout


def test_each_page_is_judged_on_what_it_left_itself_on_a_server_that_remembers_a_reset_account(run_gate):
    """The second page starts from the reset account the first one's list was taken of."""
    second = {"docs/sec/later.md": "# Later\n", "snippets/sec/later/01-bucket.sh": "aws s3 mb s3://later-bucket-7\n"}
    done = run_gate({**site(CREATE), **second}, timeout=LOADED)
    assert "snippets/sec/leaky [clean-up]" in done.stdout and "snippets/sec/later [clean-up]" in done.stdout
    assert "keep billing): s3 bucket leaky-bucket-42." in done.stdout
    assert "keep billing): s3 bucket later-bucket-7." in done.stdout, done.stdout
    assert "2 failed, 2 passed" in done.stdout


def test_the_same_page_deleting_its_bucket_passes(run_gate):
    done = run_gate(site(CREATE, DELETE), timeout=LOADED)
    assert done.returncode == 0, done.stdout
    assert "3 passed" in done.stdout


def test_a_bucket_kept_with_a_reason_the_page_shows_passes(run_gate):
    done = run_gate(site(CREATE, KEEPS, page=f"# Leaky\n\n{REASON}\n"), timeout=LOADED)
    assert done.returncode == 0, done.stdout


def test_a_kept_bucket_whose_reason_the_page_does_not_show_fails(run_gate):
    done = run_gate(site(CREATE, KEEPS), timeout=LOADED)
    assert done.returncode == 1, done.stdout
    assert "snippets/sec/leaky/_page.yml: keeps: the reason given for s3 bucket leaky-bucket-..." in done.stdout


def test_a_page_whose_step_failed_has_its_clean_up_skipped_with_the_reason(run_gate):
    failing = {"snippets/sec/leaky/02-fails.sh": "aws s3 ls s3://no-such-bucket\n"}
    done = run_gate(site(CREATE, failing), timeout=LOADED)
    assert "SKIPPED" in done.stdout and "not every step of the page ran" in done.stdout, done.stdout
    assert "02-fails.sh: failed" in done.stdout


def test_a_page_without_aws_has_no_clean_up_check(run_gate):
    done = run_gate(site({"snippets/sec/leaky/01-echo.sh": "echo hi\n"}), "--collect-only")
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
    root = write_site(tmp_path / "site", site(CREATE, DELETE))
    env = {**os.environ, "DSP_ROOT": str(root), "PYTHONPATH": str(REPO), "DSP_ENGINE_STATE": str(tmp_path / "e")}
    env.pop("DSP_RUN_ID", None)

    def run() -> dict:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "snippets"], cwd=root, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout
        return json.loads((root / "reports" / "snippets.json").read_text())["snippets"]

    assert not run()["snippets/sec/leaky"]["reused"]
    assert run()["snippets/sec/leaky"]["reused"]
    (root / "snippets/sec/leaky/02-clean-up.sh").write_text("aws s3 rb s3://leaky-bucket-42 # edited\n")
    assert not run()["snippets/sec/leaky"]["reused"]


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
