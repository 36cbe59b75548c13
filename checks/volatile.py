"""Volatile tokens: values that differ on every run, recognised by class.

A `.out` file holds what a real run printed. Where it holds a token of one of these
classes, the comparison accepts any token of the same class in its place, and nothing
else: a timestamp never stands for an id, and no class matches arbitrary text.

| class     | examples in a `.out`                                        | matches                                  |
|-----------|-------------------------------------------------------------|------------------------------------------|
| uuid      | `6f1c2a7e-0b9d-4c3e-8f21-5a6b7c8d9e0f` (request ids)        | any UUID                                 |
| digest    | `sha256:` + 64 hex digits                                   | any sha256 digest                        |
| timestamp | `2026-12-01T18:40:35.123Z`, `2026-12-01 18:40:35 +0000 UTC` | any ISO date, with a time if it had one  |
| http date | `Tue, 01 Dec 2026 18:49:14 GMT` (a `Date:` header)          | any such date                            |
| clock     | `18:48:40`                                                  | any time of day                          |
| ls date   | `Dec  1 18:40`, `Nov 28  2025` (`ls -l`)                    | any such date                            |
| age       | `3 minutes`, `About a minute`, `Less than a second`         | any age (as in `Up 3 minutes`, `... ago`)|
| duration  | `0.3s` (BuildKit), `0m0.512s` (`time`), `0.054 ms`, `2003ms`| any duration                             |
|           | `0.042/0.667/1.899/0.870 ms` (ping's statistics)            | the same statistics with other values    |
| size      | `7.8MB`, `1.2kB`, `117 MiB`, `size: 528`                    | any size                                 |
| ec2 host  | `ec2-54-214-1-2` (a public DNS name's address part)         | any such address                         |
| address   | `172.17.0.2`, `0.0.0.0:8080`, `localhost:49153`             | any IPv4 address (with a port if it had) |
| version   | `28.2.2`, `6.18.44-fc-v1045`, `v6.6.8` (3 numbers at least) | any such version                         |
| aws id    | `i-0abc12de34f567890`, `sg-…`, `vpc-…`, `subnet-…`          | the same prefix and 8 or 17 hex digits   |
| account   | `123456789012` (12 digits)                                  | any 12 digits                            |
| user pool | `us-east-1_gmaAT3kfB` (Cognito; moto makes 32 hex digits)   | a region, `_` and either form            |
| api id    | `mqixm0ftlz` before `.execute-api.`                         | any 10 of `[0-9a-z]` there               |
| hex id    | container and image ids, ARNs' random parts (12+ hex)       | a hex run of the same length             |
| alnum id  | swarm ids (25, 12), Cognito client ids (26), API Gateway (10)| a `[0-9a-z]` run of the same length      |
| elb host  | `mysfits-nlb-0123456789abcdef.elb.us-east-1.amazonaws.com`  | the same name in AWS's or moto's form    |
| swarm key | `SWMTKN-1-…` join tokens                                    | any join token                           |
| ls owner  | `root root 1680` before an `ls -l` date (owner, group, size) | another owner, group and size            |
| authorizer| `authorizer d0awqtwjhv` (API Gateway; AWS prints 6 of them) | 6 or 10 of `[0-9a-z]` after `authorizer` |
| home      | `/home/runner` in `'/home/runner/.docker/config.json'`      | any absolute path (the reader's home)    |
| ps row    | `4711  4690  0  18:40  ?  00:00:00` (`docker top`)          | those columns, other ids and times       |

A hex or swarm id must hold a letter and a digit, so that a word or a number is never one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

BEFORE, AFTER = r"(?<![0-9A-Za-z_.])", r"(?![0-9A-Za-z_])"
IPV4 = r"(?:\d{1,3}\.){3}\d{1,3}"
DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
UNIT = r"(?:second|minute|hour|day|week|month|year)s?"
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
ISO_TIME = r"[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z| ?[+-]\d{2}:?\d{2})?(?: UTC)?"
# AWS's `<name>-<16 hex>.elb.<region>.amazonaws.com`, or moto's `<name>-1.<region>.elb.amazonaws.com`
ELB_HOST = r"([a-z0-9-]+?)-(?:[0-9a-f]{16}\.elb\.[a-z]{2}-[a-z]+-\d|1\.[a-z]{2}-[a-z]+-\d\.elb)\.amazonaws\.com"
SIZE = r"\d+(?:\.\d+)? ?(?:[kKMGT]i?B|B)"
# `ps -ef`'s PID PPID C STIME TTY TIME columns: STIME is a clock time, or a date after a day
PS_ROW = r"\d+ +\d+ +\d+ +(?:\d{2}:\d{2}|[A-Z][a-z]{2}\d{2}|\d{4}) +(?:\?|pts/\d+) +(?:\d+-)?\d{2}:\d{2}:\d{2}"


@dataclass(frozen=True)
class TokenClass:
    name: str
    pattern: str
    actual: Callable[[str], str] | None = None  # the pattern for a token's stand-ins, if it depends on the token

    def pattern_for(self, token: str) -> str:
        return self.actual(token) if self.actual else self.pattern


def _same_length_hex(token: str) -> str:
    return f"[0-9a-f]{{{len(token)}}}"


def _same_length_alnum(token: str) -> str:
    return f"[0-9a-z]{{{len(token)}}}"


def _same_load_balancer_name(token: str) -> str:
    name = re.match(ELB_HOST, token).group(1)
    return re.escape(name) + ELB_HOST.removeprefix(r"([a-z0-9-]+?)")


def _same_prefix(token: str) -> str:
    return re.escape(token.split("-")[0]) + "-(?:[0-9a-f]{17}|[0-9a-f]{8})"


def _with_port_if_it_had_one(token: str) -> str:
    return rf"(?:{IPV4}|localhost)" + (r":\d{1,5}" if ":" in token else "")


def _with_unit_if_it_had_one(token: str) -> str:
    return SIZE if token[-1] == "B" else r"\d+"


def _iso_with_same_precision(token: str) -> str:
    return ISO_DATE if len(token) == 10 else ISO_DATE + ISO_TIME


CLASSES = (
    TokenClass("ps_row", PS_ROW),
    TokenClass("home", r"/[^\s'\"]*(?=/\.docker/config\.json)"),
    TokenClass("ls_owner", rf"[0-9a-z_][0-9a-z_-]* +[0-9a-z_][0-9a-z_-]* +\d+(?= +{MONTH} +\d)"),
    TokenClass("authorizer_id", r"(?<=authorizer )(?:[0-9a-z]{10}|[0-9a-z]{6})", lambda _: r"[0-9a-z]{10}|[0-9a-z]{6}"),
    TokenClass("uuid", r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
    TokenClass("digest", r"sha256:[0-9a-f]{64}"),
    TokenClass(
        "timestamp",
        rf"{ISO_DATE}(?:{ISO_TIME})?",
        _iso_with_same_precision,
    ),
    TokenClass(
        "ls_date",
        rf"{MONTH} [ \d]\d (?:[ \d]\d:\d{{2}}| \d{{4}})",
        lambda _: rf"{MONTH} +\d{{1,2}} +(?:\d{{1,2}}:\d{{2}}|\d{{4}})",
    ),
    TokenClass("http_date", rf"{DAY}, \d{{2}} {MONTH} \d{{4}} \d{{2}}:\d{{2}}:\d{{2}} GMT"),
    TokenClass("clock", r"\d{2}:\d{2}:\d{2}"),
    TokenClass("age", rf"(?:About |Less than )?(?:an?|\d+) {UNIT}"),
    TokenClass("duration", r"\d+\.\d+(?:/\d+\.\d+){2,3} ?ms|\d+m\d+\.\d+s|\d+(?:\.\d+)? ?ms|\d+\.\d+s"),
    TokenClass("size", rf"{SIZE}|(?<=size: )\d+", _with_unit_if_it_had_one),
    TokenClass("elb_host", ELB_HOST, _same_load_balancer_name),
    TokenClass("ec2_host", r"ec2-\d{1,3}(?:-\d{1,3}){3}"),
    TokenClass("address", rf"{IPV4}(?::\d{{1,5}})?|localhost:\d{{1,5}}", _with_port_if_it_had_one),
    TokenClass("version", r"v?\d+\.\d+\.\d+(?:[-+~][0-9A-Za-z.+~-]*[0-9A-Za-z])?"),
    TokenClass(
        "aws_id",
        r"(?:i|sg|vpc|subnet|ami|igw|rtb|eni|vol|snap|nat|acl|eipalloc|r)-(?:[0-9a-f]{17}|[0-9a-f]{8})",
        _same_prefix,
    ),
    TokenClass("account", r"\d{12}"),
    TokenClass("user_pool", r"[a-z]{2}-[a-z]+-\d_(?:[0-9a-f]{32}|[0-9A-Za-z]{9})"),
    TokenClass("api_id", r"[0-9a-z]{10}(?=\.execute-api\.)"),
    TokenClass("swarm_token", r"SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}"),
    TokenClass("hex_id", r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{12,}", _same_length_hex),
    TokenClass(
        "alnum_id",
        r"(?=[0-9a-z]*[a-z])(?=[0-9a-z]*\d)(?:[0-9a-z]{26}|[0-9a-z]{25}|[0-9a-z]{12}|[0-9a-z]{10})",
        _same_length_alnum,
    ),
)

RECOGNISE = re.compile("|".join(f"{BEFORE}(?P<{c.name}>{c.pattern}){AFTER}" for c in CLASSES))
BY_NAME = {c.name: c for c in CLASSES}


def pattern_of_text(text: str, literal: Callable[[str], str]) -> str:
    """A regex for `text`: its volatile tokens by class, the rest through `literal`."""
    pieces, at = [], 0
    for found in RECOGNISE.finditer(text):
        pieces.append(literal(text[at : found.start()]))
        token_class = BY_NAME[found.lastgroup]
        pieces.append(f"{BEFORE}(?:{token_class.pattern_for(found.group())}){AFTER}")
        at = found.end()
    pieces.append(literal(text[at:]))
    return "".join(pieces)


def tokens_in(text: str) -> list[tuple[str, str]]:
    """(class, token) for each volatile token of `text`, for tests and error messages."""
    return [(found.lastgroup, found.group()) for found in RECOGNISE.finditer(text)]
