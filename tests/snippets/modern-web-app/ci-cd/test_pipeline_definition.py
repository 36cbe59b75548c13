"""The CI/CD page's definitions fit together and fit the Fargate page's resources.

moto stores a pipeline without running it, so what would break a real run is checked
here: artifact wiring, the names each file expects of the others, the buildspec's shell,
and the request shapes against botocore's own service models.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import botocore.session
import pytest
import yaml
from botocore.validate import ParamValidator

pytestmark = pytest.mark.exercises(
    "modern-web-app/ci-cd/code-pipeline.json",
    "modern-web-app/ci-cd/code-build-project.json",
    "modern-web-app/ci-cd/buildspec.yml",
    "modern-web-app/ci-cd/codebuild-policy.json",
    "modern-web-app/ci-cd/codepipeline-policy.json",
    "modern-web-app/ci-cd/start-pipeline-policy.json",
    "modern-web-app/ci-cd/source-change-pattern.json",
)

SNIPPETS = Path(__file__).resolve().parents[4] / "snippets" / "modern-web-app"
PAGE = SNIPPETS / "ci-cd"
FARGATE = SNIPPETS / "fargate-service"

PIPELINE = json.loads((PAGE / "code-pipeline.json").read_text())["pipeline"]
PROJECT = json.loads((PAGE / "code-build-project.json").read_text())
PATTERN = json.loads((PAGE / "source-change-pattern.json").read_text())
BUILDSPEC = yaml.safe_load((PAGE / "buildspec.yml").read_text())
TASK_DEFINITION = json.loads((FARGATE / "task-definition.json").read_text())
SHELLCHECK = Path(sys.executable).parent / "shellcheck"


def action(stage: str) -> dict:
    (found,) = [s for s in PIPELINE["stages"] if s["name"] == stage]
    assert len(found["actions"]) == 1
    return found["actions"][0]


def option(script: Path, name: str) -> str:
    """The value given to `--name` in a shell snippet."""
    match = re.search(rf"--{name}[ =]\"?([\w/.-]+)", script.read_text())
    assert match, f"{script.name} has no --{name}"
    return match.group(1)


def buildspec_commands() -> list[str]:
    return [c for phase in BUILDSPEC["phases"].values() for c in phase["commands"]]


def test_the_stages_run_source_then_build_then_deploy() -> None:
    providers = [(s["name"], s["actions"][0]["actionTypeId"]) for s in PIPELINE["stages"]]
    assert [(name, t["category"], t["provider"]) for name, t in providers] == [
        ("Source", "Source", "CodeCommit"),
        ("Build", "Build", "CodeBuild"),
        ("Deploy", "Deploy", "ECS"),
    ]


def test_every_input_artifact_is_produced_by_an_earlier_stage_and_every_output_is_used() -> None:
    produced: set[str] = set()
    consumed: set[str] = set()
    for stage in PIPELINE["stages"]:
        for act in stage["actions"]:
            inputs = {a["name"] for a in act.get("inputArtifacts", [])}
            assert inputs <= produced, f"{stage['name']} reads {inputs - produced}, made by no earlier stage"
            consumed |= inputs
            outputs = {a["name"] for a in act.get("outputArtifacts", [])}
            assert not outputs & produced, f"{stage['name']} reuses an artifact name"
            produced |= outputs
    assert produced == consumed


def test_the_pipeline_names_the_repository_project_cluster_and_service_the_pages_create() -> None:
    assert action("Source")["configuration"]["RepositoryName"] == option(PAGE / "01-repository.sh", "repository-name")
    assert action("Build")["configuration"]["ProjectName"] == PROJECT["name"]
    deploy = action("Deploy")["configuration"]
    assert deploy["ClusterName"] == option(FARGATE / "09-cluster.sh", "cluster-name")
    assert deploy["ServiceName"] == option(FARGATE / "14-service.sh", "service-name")


def test_the_pipeline_does_not_poll_and_the_rule_starts_it_on_pushes_to_the_branch_it_builds() -> None:
    source = action("Source")["configuration"]
    # CodePipeline reads the flag as a string; a JSON boolean would be refused.
    assert source["PollForSourceChanges"] == "false"
    assert PATTERN["source"] == ["aws.codecommit"]
    assert PATTERN["detail-type"] == ["CodeCommit Repository State Change"]
    assert PATTERN["resources"] == ["REPOSITORY_ARN"]  # filled in by 09-source-rule.sh
    detail = PATTERN["detail"]
    assert detail["referenceType"] == ["branch"]
    assert detail["referenceName"] == [source["BranchName"]]
    assert set(detail["event"]) == {"referenceCreated", "referenceUpdated"}


def test_the_events_role_may_start_this_pipeline_and_nothing_else() -> None:
    policy = json.loads((PAGE / "start-pipeline-policy.json").read_text())
    (statement,) = policy["Statement"]
    assert statement["Action"] == "codepipeline:StartPipelineExecution"
    assert statement["Resource"].endswith(f":{PIPELINE['name']}")


def test_the_build_writes_the_image_definitions_the_deploy_action_reads() -> None:
    file_name = action("Deploy")["configuration"]["FileName"]
    assert BUILDSPEC["artifacts"]["files"] == [file_name]
    (writer,) = [c for c in buildspec_commands() if c.endswith(f"> {file_name}")]
    # imagedefinitions.json names the container of the task definition the service runs.
    template = re.search(r"printf '([^']*)'", writer).group(1)
    definitions = json.loads(template.replace("%s", "IMAGE"))
    assert definitions == [{"name": TASK_DEFINITION["containerDefinitions"][0]["name"], "imageUri": "IMAGE"}]


def test_the_build_pushes_to_the_repository_the_task_definition_pulls_from() -> None:
    repository = option(FARGATE / "07-ecr-repository.sh", "repository-name")
    assert any(c.endswith(f'/{repository}"') for c in buildspec_commands() if c.startswith("REPOSITORY_URI="))
    policy = json.loads((PAGE / "codebuild-policy.json").read_text())
    push = [s for s in policy["Statement"] if "ecr:PutImage" in s["Action"]]
    assert push and push[0]["Resource"].endswith(f":repository/{repository}")


def test_the_pipeline_may_pass_exactly_the_roles_of_the_core_stack() -> None:
    core = (FARGATE / "core.yml").read_text()
    role_names = set(re.findall(r"RoleName: (\S+)", core))
    policy = json.loads((PAGE / "codepipeline-policy.json").read_text())
    (pass_role,) = [s for s in policy["Statement"] if s["Action"] == "iam:PassRole"]
    assert {arn.rsplit("/", 1)[1] for arn in pass_role["Resource"]} == role_names


def test_the_buildspec_is_version_0_2_and_its_commands_pass_shellcheck(tmp_path: Path) -> None:
    assert BUILDSPEC["version"] == 0.2  # variables persist from one command to the next
    script = tmp_path / "buildspec.sh"
    # CodeBuild sets these; the commands are run one after the other in one shell.
    script.write_text(
        '#!/bin/bash\n: "$AWS_DEFAULT_REGION" "$CODEBUILD_RESOLVED_SOURCE_VERSION"\n'
        + "\n".join(buildspec_commands())
        + "\n"
    )
    done = subprocess.run([str(SHELLCHECK), "--shell=bash", str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


@pytest.fixture(scope="module")
def models():
    session = botocore.session.get_session()
    return {name: session.get_service_model(name) for name in ("codepipeline", "codebuild")}


def test_the_pipeline_definition_is_a_valid_create_pipeline_request(models) -> None:
    text = (PAGE / "code-pipeline.json").read_text()
    text = text.replace(
        "CODEPIPELINE_ROLE_ARN", "arn:aws:iam::123456789012:role/MythicalMysfitsServiceCodePipelineRole"
    )
    text = text.replace("ARTIFACTS_BUCKET", "mythical-mysfits-artifacts-123456789012")
    shape = models["codepipeline"].operation_model("CreatePipeline").input_shape
    report = ParamValidator().validate(json.loads(text), shape)
    assert not report.has_errors(), report.generate_report()


def test_the_project_with_its_command_line_values_is_a_valid_create_project_request(models) -> None:
    request = {
        **PROJECT,
        "serviceRole": "arn:aws:iam::123456789012:role/MythicalMysfitsServiceCodeBuildRole",
        "source": {"type": "CODECOMMIT", "location": "https://example.invalid/repo", "buildspec": "buildspec.yml"},
    }
    shape = models["codebuild"].operation_model("CreateProject").input_shape
    report = ParamValidator().validate(request, shape)
    assert not report.has_errors(), report.generate_report()
    assert PROJECT["environment"]["privilegedMode"] is True  # docker build needs it
