"""A warm AWS CLI version 1 for a page session: imported once, forked for every `aws` call.

A cold `aws` (v1, the one PyPI has) spends about a third of a second of CPU importing
botocore and awscli before it sends a request, and the pages run over 400 of them. So an
AWS page session gets a server that has done that import once (`serve`); the shim hands
each call to it (`run`), and the server forks a child that runs the command as the real
`aws` would: on the caller's own stdin, stdout and stderr (passed over the socket), in its
working directory, with its environment, arguments and umask, returning its exit status.

The server runs in the session's sandbox, started the way its steps are, so a command it
runs sees and may write exactly what the same command run cold would. Until its socket
appears (the import takes a moment), calls run cold; nothing else differs.

`run` is started with `python -I -S` and imports only the standard library: its own start
must cost little next to the import it saves.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import struct
import sys

HEADER = struct.Struct("!I")
RUN_IT_COLD = 0  # sent instead of a child's pid
# What a cold `aws` reads from its environment before it runs the command: the CLI's modules
# at their top level (tests/harness/test_aws_warm.py keeps this list whole), and the
# interpreter (its locale, its own settings). A call whose values differ from the server's
# runs cold: it would not have started the same CLI.
READ_AT_IMPORT = ("AWS_DATA_PATH", "AWS_NEW_RETRIES_2026", "BOTO_DISABLE_CRT", "LANG")
READ_AT_START_PREFIXES = ("PYTHON", "LC_")
FORWARDED_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def run(socket_path: str, real: str, argv: list[str]) -> int:
    """The client: hand `aws argv...` to the server, pass on signals, exit as the command did;
    run the `real` aws instead if there is no server (yet) or the server says so."""
    request = json.dumps(
        {"argv": argv, "env": dict(os.environ), "cwd": os.getcwd(), "umask": _current_umask()}
    ).encode()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        try:
            server.connect(socket_path)
            socket.send_fds(server, [HEADER.pack(len(request)) + request], [0, 1, 2])
            reply = _exactly(server, HEADER.size)
        except OSError:  # no server yet, or it has just gone
            reply = b""
        child = HEADER.unpack(reply)[0] if reply else RUN_IT_COLD
        if child == RUN_IT_COLD:
            os.execv(real, [real, *argv])
        forwarded: list[int] = []
        for number in FORWARDED_SIGNALS:
            signal.signal(number, lambda received, _frame: _forward(received, child, forwarded))
        status = _exactly(server, HEADER.size)
    if status:
        return HEADER.unpack(status)[0]
    if forwarded:  # the command died of the signal: so does its caller, as a cold one would
        signal.signal(forwarded[-1], signal.SIG_DFL)
        os.kill(os.getpid(), forwarded[-1])
    print("aws: the gate's warm AWS CLI lost the command before it ended", file=sys.stderr)
    return 255


def _forward(number: int, child: int, forwarded: list[int]) -> None:
    forwarded.append(number)
    try:
        os.kill(child, number)
    except ProcessLookupError:
        pass


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _exactly(connection: socket.socket, size: int) -> bytes:
    """`size` bytes from the connection, or b"" if it closed first."""
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            return b""
        data += chunk
    return data


def serve(socket_path: str) -> None:
    """The server: import the CLI once, then fork a child per connection."""
    import traceback

    before = dict(os.environ)
    import awscli.clidriver  # noqa: F401  (the import each cold call pays)
    import awscli.handlers  # noqa: F401

    imported = Import(
        read={name: before.get(name) for name in _read_at_start(before)},
        written={name: value for name, value in os.environ.items() if before.get(name) != value},
    )

    signal.signal(signal.SIGCHLD, lambda *_: _reap())
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    # Bound under another name, then renamed: the socket appears only once it accepts.
    listener.bind(socket_path + ".new")
    listener.listen(16)
    os.rename(socket_path + ".new", socket_path)
    while True:
        connection, _ = listener.accept()
        if os.fork() == 0:
            status = 70  # EX_SOFTWARE: the child failed before the command ended
            try:
                listener.close()
                status = _run_in_child(connection, imported)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(status)  # never back into the server's loop
        connection.close()


def _reap() -> None:
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


class Import:
    """What the server's import of the CLI read from its environment, and wrote to it.
    (A plain class: the client imports this module, and a dataclass costs it an import.)"""

    def __init__(self, read: dict[str, str | None], written: dict[str, str]) -> None:
        self.read, self.written = read, written

    def fits(self, env: dict[str, str]) -> bool:
        """Whether a cold `aws` started in `env` would have imported the same CLI."""
        return all(env.get(name) == value for name, value in self.read.items()) and not (
            set(_read_at_start(env)) - set(self.read)
        )


def _read_at_start(env: dict[str, str]) -> list[str]:
    return [*READ_AT_IMPORT, *(name for name in env if name.startswith(READ_AT_START_PREFIXES))]


def _run_in_child(connection: socket.socket, imported: Import) -> int:
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    message, fds, _flags, _address = socket.recv_fds(connection, 1 << 16, 3)
    size = HEADER.unpack(message[: HEADER.size])[0]
    body = message[HEADER.size :]
    if len(body) < size:
        body += _exactly(connection, size - len(body))
    request = json.loads(body)
    said = f"{os.getpid()}: aws {' '.join(request['argv'])}"
    if not imported.fits(request["env"]):
        os.write(1, f"{said}: cold (its environment changes what the import reads)\n".encode())
        connection.sendall(HEADER.pack(RUN_IT_COLD))
        return 0
    os.write(1, f"{said}\n".encode())  # fd 1 is the server's log until the caller's replaces it
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    _reopen_standard_streams()
    os.chdir(request["cwd"])
    os.umask(request["umask"])
    os.environ.clear()
    os.environ.update({**request["env"], **imported.written})
    sys.argv = ["aws", *request["argv"]]
    connection.sendall(HEADER.pack(os.getpid()))
    _exit_when_the_caller_goes(connection)
    status = _aws_main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            pass
    connection.sendall(HEADER.pack(status))
    return status


def _reopen_standard_streams() -> None:
    """Streams on the caller's files, buffered as Python would buffer them for it (a terminal
    line by line): the server's own were made for /dev/null and its log."""
    encoding = sys.stdout.encoding
    sys.stdin = open(0, encoding=encoding, closefd=False)  # noqa: SIM115
    sys.stdout = open(1, "w", encoding=encoding, closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", buffering=1, encoding=encoding, errors="backslashreplace", closefd=False)  # noqa: SIM115


def _exit_when_the_caller_goes(connection: socket.socket) -> None:
    """A caller killed (a step's timeout kills its whole process group) ends the command too."""
    import threading

    def watch() -> None:
        if not connection.recv(1):
            os._exit(128 + signal.SIGKILL)

    threading.Thread(target=watch, daemon=True).start()


def _aws_main() -> int:
    """What AWS CLI v1's own `aws` script does, with its exit status returned, not raised."""
    if os.environ.get("LC_CTYPE", "") == "UTF-8":
        os.environ["LC_CTYPE"] = "en_US.UTF-8"
    import awscli.clidriver

    try:
        return awscli.clidriver.main()
    except SystemExit as exit:
        if exit.code is None or isinstance(exit.code, int):
            return exit.code or 0
        print(exit.code, file=sys.stderr)
        return 1


if __name__ == "__main__":
    role, path, *arguments = sys.argv[1:]
    if role == "serve":
        serve(path)
    else:
        sys.exit(run(path, arguments[0], arguments[1:]))
