"""The warm AWS CLI (checks/services/aws_warm.py): a call it runs is the call a cold `aws` runs,
against a real moto server and the real AWS CLI v1."""

import ast
import os
import signal
import subprocess
import sys
from pathlib import Path

import awscli
import botocore
import pytest

from checks.runners import sandbox
from checks.services import aws, aws_warm
from checks.services.dockerd import alive
from checks.waiting import wait_until

pytest_plugins = ["pytester"]

REAL = str(Path(sys.executable).parent / "aws")
CLIENT = [sys.executable, "-I", "-S", aws_warm.__file__, "run"]


@pytest.fixture(scope="module")
def moto_endpoint():
    server, endpoint = aws.start_moto()
    yield endpoint
    server.terminate()
    server.wait(10)


@pytest.fixture
def env(moto_endpoint, tmp_path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "LANG": "C.UTF-8",
        **aws.FAKE_CREDENTIALS,
        "AWS_ENDPOINT_URL": moto_endpoint,
        "NO_PROXY": aws.LOOPBACK_HOSTS,
    }


class Server:
    def __init__(self, directory: Path, env: dict[str, str]) -> None:
        self.socket = directory / "aws-warm.sock"
        self.log = directory / "aws-warm.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, aws_warm.__file__, "serve", str(self.socket)],
                env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        wait_until(self.socket.is_socket, "the warm server's socket", timeout=60)

    def said(self) -> list[str]:
        return self.log.read_text().splitlines()


@pytest.fixture
def server(tmp_path, env):
    started = Server(tmp_path, env)
    yield started
    started.process.terminate()
    started.process.wait(10)


def call(argv: list[str], env: dict[str, str], socket: Path | None, **options) -> subprocess.CompletedProcess[str]:
    """`aws argv...` run warm through `socket`, or cold (socket None)."""
    command = [*CLIENT, str(socket), REAL, *argv] if socket else [REAL, *argv]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, **options)


def warm_and_cold(argv: list[str], env: dict[str, str], socket: Path):
    return call(argv, env, socket), call(argv, env, None)


def same(warm: subprocess.CompletedProcess[str], cold: subprocess.CompletedProcess[str]) -> bool:
    return (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)


@pytest.mark.parametrize(
    "argv",
    [
        ["sts", "get-caller-identity"],
        ["s3api", "head-bucket", "--bucket", "no-such-bucket"],  # an error from the service: 255
        ["s3", "no-such-command"],  # a usage error: 2
        ["--version"],
    ],
    ids=["success", "service-error", "usage-error", "version"],
)
def test_a_warm_call_prints_and_exits_as_a_cold_one(argv, env, server):
    warm, cold = warm_and_cold(argv, env, server.socket)
    assert same(warm, cold), (warm, cold)
    assert f"aws {' '.join(argv)}" in server.said()[-1]  # it ran in the server, not cold


def test_a_warm_call_reads_the_callers_stdin_and_writes_in_its_directory_with_its_umask(env, server, tmp_path):
    assert call(["s3", "mb", "s3://warm-files"], env, server.socket).returncode == 0
    put = call(["s3", "cp", "-", "s3://warm-files/note.txt"], env, server.socket, input="from stdin\n")
    assert put.returncode == 0, put.stderr
    work = tmp_path / "work"
    work.mkdir()
    private = lambda: os.umask(0o077)  # noqa: E731
    got = call(["s3", "cp", "s3://warm-files/note.txt", "copy.txt"], env, server.socket, cwd=work, preexec_fn=private)
    assert got.returncode == 0, got.stderr
    assert (work / "copy.txt").read_text() == "from stdin\n"
    assert (work / "copy.txt").stat().st_mode & 0o777 == 0o600


def test_a_warm_call_runs_in_the_callers_environment(env, server):
    as_text = {**env, "AWS_DEFAULT_OUTPUT": "text"}
    warm, cold = warm_and_cold(["sts", "get-caller-identity"], as_text, server.socket)
    assert same(warm, cold)
    assert warm.stdout != call(["sts", "get-caller-identity"], env, server.socket).stdout


def test_a_call_whose_environment_changes_what_starts_the_cli_runs_cold(env, server):
    changed = {**env, "PYTHONWARNINGS": "error"}
    warm, cold = warm_and_cold(["sts", "get-caller-identity"], changed, server.socket)
    assert same(warm, cold)
    assert server.said()[-1].endswith("cold (its environment changes what the import reads)")


def test_a_call_with_no_server_yet_runs_cold(env, tmp_path):
    assert same(*warm_and_cold(["sts", "get-caller-identity"], env, tmp_path / "not-yet.sock"))


def command_waiting_on_stdin(env, server) -> tuple[subprocess.Popen[bytes], int]:
    """A warm `s3 cp -` blocked on its stdin, and the pid of the server's child running it."""
    assert call(["s3", "mb", "s3://warm-waits"], env, server.socket).returncode == 0
    caller = subprocess.Popen(
        [*CLIENT, str(server.socket), REAL, "s3", "cp", "-", "s3://warm-waits/k"], env=env, stdin=subprocess.PIPE
    )
    said = wait_until(lambda: [line for line in server.said() if "s3://warm-waits/k" in line], "the call", timeout=30)
    return caller, int(said[0].split(":")[0])


def test_a_caller_killed_ends_its_command(env, server):
    caller, child = command_waiting_on_stdin(env, server)
    caller.kill()  # as a step's timeout kills its process group: nothing can be passed on
    caller.wait()
    wait_until(lambda: not alive(child), "the command's end", timeout=10)


def test_a_signal_to_the_caller_reaches_its_command_and_the_caller_dies_of_it(env, server):
    caller, child = command_waiting_on_stdin(env, server)
    caller.send_signal(signal.SIGTERM)
    assert caller.wait(10) == -signal.SIGTERM
    wait_until(lambda: not alive(child), "the command's end", timeout=10)
    caller.stdin.close()


class ImportTimeEnvironmentReads(ast.NodeVisitor):
    """Names read from os.environ (or os.getenv) by code that runs when a module is imported:
    its top level and class bodies, not the functions it defines."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_FunctionDef(self, node) -> None:
        pass

    visit_AsyncFunctionDef = visit_Lambda = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        function = ast.unparse(node.func)
        if function.endswith(("environ.get", "getenv")) and node.args and isinstance(node.args[0], ast.Constant):
            self.names.add(node.args[0].value)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if ast.unparse(node.value).endswith("environ") and isinstance(node.slice, ast.Constant):
            self.names.add(node.slice.value)
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:  # 'NAME' in os.environ
        if isinstance(node.left, ast.Constant) and any(ast.unparse(c).endswith("environ") for c in node.comparators):
            self.names.add(node.left.value)
        self.generic_visit(node)


def environment_reads_at_import(package: Path) -> set[str]:
    reads = ImportTimeEnvironmentReads()
    for module in package.rglob("*.py"):
        if "test" not in module.name:
            reads.visit(ast.parse(module.read_bytes()))
    return reads.names


def test_what_the_cli_reads_from_the_environment_when_imported_is_all_known():
    read = environment_reads_at_import(Path(awscli.__file__).parent) | environment_reads_at_import(
        Path(botocore.__file__).parent
    )
    assert read, "the scan finds nothing: it no longer sees how the CLI reads its environment"
    assert read <= set(aws_warm.READ_AT_IMPORT), read - set(aws_warm.READ_AT_IMPORT)


SANDBOXED_PAGE = {
    "docs/sec/page.md": "# P\n",
    "snippets/sec/page/01.sh": "aws s3 mb s3://in-the-sandbox\n",
    # The first call may run cold (the server still imports): wait for it, then prove the
    # warm run keeps to the session's sandbox and is the one that ran.
    "snippets/sec/page/02.sh": (
        'until [ -S "$DSP_AWS_WARM" ]; do sleep 0.1; done\n'
        "echo kept | aws s3 cp - s3://in-the-sandbox/k\n"
        "if aws s3 cp s3://in-the-sandbox/k /var/tmp/escaped 2> refused; then exit 1; fi\n"
        'grep -q "Read-only file system" refused\n'
        'grep -q "aws s3 cp s3://in-the-sandbox/k /var/tmp/escaped" "${DSP_AWS_WARM%/*}/aws-warm.log"\n'
    ),
    "snippets/sec/page/03.sh": "aws s3 rb s3://in-the-sandbox --force\n",
}


def warm_servers_whose_session_is_gone() -> list[str]:
    leaks = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            argv = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if any(arg.endswith(b"aws_warm.py") for arg in argv) and b"serve" in argv:
            socket = Path(os.fsdecode(argv[argv.index(b"serve") + 1]))
            if not socket.parent.exists():
                leaks.append(str(socket))
    return leaks


@pytest.mark.skipif(sandbox.unavailable() is not None, reason=f"no sandbox here: {sandbox.unavailable()}")
def test_a_page_sessions_warm_calls_keep_to_its_sandbox_and_its_server_ends_with_it(gate_here, monkeypatch):
    monkeypatch.setenv("DSP_AWS_WARM_CLI", "1")
    result = gate_here(SANDBOXED_PAGE)
    result.assert_outcomes(passed=4, failed=0)  # three steps and the clean-up check
    assert warm_servers_whose_session_is_gone() == []
