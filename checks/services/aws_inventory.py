"""The AWS twin of the engine leak check: what a page created in moto and did not delete.

Right after a page's account is reset (its first AWS step), the gate lists what the
account holds; after the page's last step it lists again. Whatever is new is left behind,
and on a reader's real account it would keep billing, unless `_page.yml` keeps it with a
reason (`keeps:`) that the page shows. The lists are taken with boto3 in a subprocess
that has the session's own environment, the one the AWS guard vetted (fake credentials,
every endpoint on moto), so nothing here can reach real AWS or read ~/.aws.

    python -m checks.services.aws_inventory     # prints the inventory as JSON (a session's env)
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from checks.services.aws_guard import guard

# One line per kind of resource: its name, the client, the listing call and its arguments,
# and a JMESPath expression giving the names in each page of the answer. moto has no
# ListRepositories for CodeCommit: each repository moto ever tracked is asked for instead,
# from moto's whole state (seconds to serialise), so only for a page whose files name CodeCommit.
EVERY_ONE = "*"  # an argument standing for each name of its kind (an ECS cluster, a repository)
KINDS: list[tuple[str, str, str, dict, str]] = [
    ("s3 bucket", "s3", "list_buckets", {}, "Buckets[].Name"),
    ("dynamodb table", "dynamodb", "list_tables", {}, "TableNames"),
    ("lambda function", "lambda", "list_functions", {}, "Functions[].FunctionName"),
    ("iam role", "iam", "list_roles", {}, "Roles[].RoleName"),
    ("iam policy", "iam", "list_policies", {"Scope": "Local"}, "Policies[].PolicyName"),
    ("iam user", "iam", "list_users", {}, "Users[].UserName"),
    ("iam instance profile", "iam", "list_instance_profiles", {}, "InstanceProfiles[].InstanceProfileName"),
    ("rest api", "apigateway", "get_rest_apis", {}, "items[].name"),
    ("api gateway vpc link", "apigateway", "get_vpc_links", {}, "items[].name"),
    ("http api", "apigatewayv2", "get_apis", {}, "Items[].Name"),
    ("cognito user pool", "cognito-idp", "list_user_pools", {"MaxResults": 60}, "UserPools[].Name"),
    ("ecr repository", "ecr", "describe_repositories", {}, "repositories[].repositoryName"),
    (
        "codecommit repository",
        "codecommit",
        "get_repository",
        {"repositoryName": EVERY_ONE},
        "[repositoryMetadata.repositoryName]",
    ),
    # moto keeps listing deleted clusters and services (INACTIVE), which AWS's lists leave out.
    ("ecs cluster", "ecs", "describe_clusters", {"clusters": EVERY_ONE}, "clusters[?status!='INACTIVE'].clusterArn"),
    (
        "ecs service",
        "ecs",
        "describe_services",
        {"cluster": EVERY_ONE, "services": EVERY_ONE},
        "services[?status!='INACTIVE'].serviceArn",
    ),
    ("ecs task definition", "ecs", "list_task_definitions", {"status": "ACTIVE"}, "taskDefinitionArns"),
    ("load balancer", "elbv2", "describe_load_balancers", {}, "LoadBalancers[].LoadBalancerName"),
    ("target group", "elbv2", "describe_target_groups", {}, "TargetGroups[].TargetGroupName"),
    ("cloudformation stack", "cloudformation", "describe_stacks", {}, "Stacks[].StackName"),
    ("kinesis stream", "kinesis", "list_streams", {}, "StreamNames"),
    ("firehose stream", "firehose", "list_delivery_streams", {}, "DeliveryStreamNames"),
    ("codebuild project", "codebuild", "list_projects", {}, "projects"),
    ("codepipeline pipeline", "codepipeline", "list_pipelines", {}, "pipelines[].name"),
    (
        "ec2 instance",
        "ec2",
        "describe_instances",
        {"Filters": [{"Name": "instance-state-name", "Values": ["pending", "running", "stopping", "stopped"]}]},
        "Reservations[].Instances[].InstanceId",
    ),
    ("ec2 key pair", "ec2", "describe_key_pairs", {}, "KeyPairs[].KeyName"),
    ("vpc", "ec2", "describe_vpcs", {"Filters": [{"Name": "is-default", "Values": ["false"]}]}, "Vpcs[].VpcId"),
    (
        "subnet",
        "ec2",
        "describe_subnets",
        {"Filters": [{"Name": "default-for-az", "Values": ["false"]}]},
        "Subnets[].SubnetId",
    ),
    ("security group", "ec2", "describe_security_groups", {}, "SecurityGroups[?GroupName!='default'].GroupName"),
    (
        "beanstalk environment",
        "elasticbeanstalk",
        "describe_environments",
        {},
        "Environments[?Status!='Terminated'].EnvironmentName",
    ),
    ("beanstalk application", "elasticbeanstalk", "describe_applications", {}, "Applications[].ApplicationName"),
    ("eventbridge rule", "events", "list_rules", {}, "Rules[].Name"),
    ("log group", "logs", "describe_log_groups", {}, "logGroups[].logGroupName"),
    ("sns topic", "sns", "list_topics", {}, "Topics[].TopicArn"),
    ("sqs queue", "sqs", "list_queues", {}, "QueueUrls"),
]


def take(codecommit: bool) -> list[str]:
    """Everything the account holds, as "kind name" lines (run in a session's environment)."""
    import boto3

    session = boto3.session.Session()
    kinds = [row for row in KINDS if codecommit or row[1] != "codecommit"]
    clients = {service: session.client(service) for service in dict.fromkeys(row[1] for row in kinds)}
    # The listings are independent: asked side by side, the inventory takes the slowest one's time.
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = pool.map(lambda row: _names_of_kind(clients[row[1]], *row), kinds)
    return sorted(name for names in found for name in names)


def _names_of_kind(client, kind: str, service: str, operation: str, arguments: dict, names: str) -> list[str]:
    import jmespath

    pages = (page for argument in _expanded(client, arguments) for page in _pages(client, operation, argument))
    return [f"{kind} {name}" for page in pages for name in jmespath.search(names, page) or []]


def _expanded(client, arguments: dict) -> list[dict]:
    """The calls to make: one, or one per cluster (ECS services) or per repository moto tracked."""
    if arguments.get("clusters") == EVERY_ONE:  # describe_clusters takes at most 100
        clusters = client.list_clusters()["clusterArns"]
        return [{**arguments, "clusters": clusters[i : i + 100]} for i in range(0, len(clusters), 100)]
    if arguments.get("services") == EVERY_ONE:  # describe_services takes at most 10 per cluster
        calls = []
        for cluster in client.list_clusters()["clusterArns"]:
            services = client.list_services(cluster=cluster)["serviceArns"]
            calls += [{"cluster": cluster, "services": services[i : i + 10]} for i in range(0, len(services), 10)]
        return calls
    if arguments.get("cluster") == EVERY_ONE:
        return [{**arguments, "cluster": arn} for arn in client.list_clusters()["clusterArns"]]
    if arguments.get("repositoryName") == EVERY_ONE:
        return [{**arguments, "repositoryName": name} for name in sorted(_codecommit_names_tracked())]
    return [arguments]


def _codecommit_names_tracked() -> set[str]:
    """moto's own state lists every repository it made, deleted ones too: get_repository sorts them."""
    with urllib.request.urlopen(os.environ["AWS_ENDPOINT_URL"] + "/moto-api/data.json", timeout=60) as answer:
        tracked = json.load(answer).get("codecommit", {}).get("CodeCommit", [])
    return {repository["repository_metadata"]["repositoryName"] for repository in tracked}


def _pages(client, operation: str, arguments: dict):
    if client.can_paginate(operation):
        yield from client.get_paginator(operation).paginate(**arguments)
        return
    try:
        yield getattr(client, operation)(**arguments)
    except client.exceptions.ClientError as error:
        if not error.response["Error"]["Code"].endswith(("DoesNotExistException", "NotFoundException")):
            raise


def of_session(session) -> list[str]:
    """The inventory of the account a session's AWS steps use (its vetted environment)."""
    return _taken(session.env, names_codecommit(session))


def _taken(env: dict[str, str], codecommit: bool) -> list[str]:
    guard(env)
    done = subprocess.run(
        [sys.executable, "-m", "checks.services.aws_inventory", *(["--codecommit"] if codecommit else [])],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=600,  # minutes only on a machine loaded far beyond its cores
    )
    if done.returncode != 0:
        raise RuntimeError(f"the AWS inventory could not be taken: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout)


def names_codecommit(session) -> bool:
    return any(
        "codecommit" in path.read_text(encoding="utf-8", errors="replace").lower()
        for path in session.page_dir.rglob("*")
        if path.is_file()
    )


def note_baseline(session, after_reset: dict[bool, list[str]]) -> None:
    """Before the page's first AWS step, just after its account is reset: what is already
    there. A reset account holds the same for every page of a server, so `after_reset`
    (the server's) keeps the list taken the first time, with CodeCommit's or without."""
    codecommit = names_codecommit(session)
    if codecommit not in after_reset:
        after_reset[codecommit] = _taken(session.env, codecommit)
    session.aws_baseline = after_reset[codecommit]


def left_behind(session) -> list[str] | None:
    """What the page created and did not delete; None if no step of it used AWS."""
    baseline = getattr(session, "aws_baseline", None)
    if baseline is None:
        return None
    return sorted(set(of_session(session)) - set(baseline))


class KeepsNotShown(Exception):
    def __init__(self, resources: list[str]):
        super().__init__(
            f"keeps: the reason given for {', '.join(resources)} is not on the page: "
            "say it there (in the page's clean-up section), word for word, so a reader knows why it stays"
        )


def pattern(resource: str) -> re.Pattern[str]:
    """A `keeps:` entry: `...` stands for any characters (an account id, a generated id)."""
    return re.compile(".*?".join(re.escape(part) for part in resource.split("...")) + r"\Z")


def judge(left: list[str], keeps: dict[str, str]) -> str | None:
    """Why the page fails its clean-up check, or None: left resources not kept, or keeps unused."""
    kept = {resource: [item for item in left if pattern(resource).match(item)] for resource in keeps}
    unexplained = [item for item in left if not any(item in matched for matched in kept.values())]
    unused = [resource for resource, matched in kept.items() if not matched]
    problems = []
    if unexplained:
        problems.append(
            "the page left in the AWS account (a reader's would keep billing): "
            + ", ".join(unexplained)
            + ". Delete them in the page's clean-up steps, or give the reason it keeps each under keeps: in _page.yml"
        )
    if unused:
        problems.append(f"keeps: {', '.join(unused)} in _page.yml, but the page left no such resource")
    return "; ".join(problems) or None


if __name__ == "__main__":
    print(json.dumps(take(codecommit="--codecommit" in sys.argv[1:])))
