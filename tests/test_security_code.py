"""Security guards over the code in src/: nothing from an input is ever executed, unpickled,
fetched or handed to a shell, XML entities stay unresolved, and dependencies are bounded.

Static checks walk the AST of every module (comments and strings cannot fool them, and
``cursor.execute(...)`` is not ``exec(...)``). Dynamic checks run the real ingest with the
network and external entities as bait. Inputs are generated here; all text is fictional.
"""

from __future__ import annotations

import ast
import json
import socket
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import crosswire
from crosswire.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "crosswire"
MODULES = sorted(SRC.rglob("*.py"))

BANNED_CALLS = {  # dotted name as written -> why
    "eval": "runs a string as code",
    "os.spawn": "starts a process",
    "exec": "runs a string as code",
    "compile": "builds code from a string",
    "__import__": "imports a module named by data",
    "pickle.load": "unpickling runs code",
    "pickle.loads": "unpickling runs code",
    "marshal.loads": "loads code objects",
    "yaml.load": "yaml.load builds arbitrary objects (use yaml.safe_load)",
    "yaml.unsafe_load": "builds arbitrary objects",
    "os.system": "runs a shell",
    "os.popen": "runs a shell",
    "os.exec": "replaces the process",
    "subprocess.getoutput": "runs a shell",
    "subprocess.getstatusoutput": "runs a shell",
    "trafilatura.fetch_url": "fetches a URL",
}
BANNED_IMPORTS = {
    "pickle": "unpickling runs code",
    "cPickle": "unpickling runs code",
    "dill": "unpickling runs code",
    "cloudpickle": "unpickling runs code",
    "shelve": "built on pickle",
    "marshal": "loads code objects",
    "yaml": "use JSON or TOML",
    "urllib.request": "network access",
    "urllib3": "network access",
    "http.client": "network access",
    "requests": "network access",
    "httpx": "network access",
    "aiohttp": "network access",
    "socket": "network access",
    "ftplib": "network access",
    "smtplib": "network access",
    "xml.etree": "parse XML only through trafilatura/lxml with entities off",
    "xml.dom": "parse XML only through trafilatura/lxml with entities off",
    "xml.sax": "parse XML only through trafilatura/lxml with entities off",
    "xml.parsers": "parse XML only through trafilatura/lxml with entities off",
    "lxml.etree": "parse XML only through trafilatura (entities off)",
    "trafilatura.downloads": "fetches URLs",
    "trafilatura.spider": "fetches URLs",
}
BANNED_KEYWORDS = {  # keyword=value in any call
    ("shell", True): "a shell interprets the command line",
    ("resolve_entities", True): "external XML entities (XXE)",
    ("no_network", False): "lets the XML parser fetch DTDs and entities",
    ("huge_tree", True): "lifts libxml2's limits against entity and depth bombs",
    ("load_dtd", True): "loads external DTDs",
}


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _imported(node: ast.Import | ast.ImportFrom) -> list[tuple[str, str]]:
    """``(local name, full dotted name)`` for each name an import statement binds."""
    if isinstance(node, ast.Import):
        return [(a.asname, a.name) if a.asname else (a.name.split(".")[0], a.name.split(".")[0])
                for a in node.names]
    return [(a.asname or a.name, f"{node.module}.{a.name}") for a in node.names]


def _banned_import(module: str) -> str | None:
    for mod, why in BANNED_IMPORTS.items():
        if module == mod or module.startswith(mod + "."):
            return why
    return None


def _findings(path: Path, root: Path = ROOT) -> list[str]:
    """Every banned import, call or keyword in one module, as ``file:line: what (why)``."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    rel = path.relative_to(root)
    aliases: dict[str, str] = {}  # local name -> the module or object it stands for
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom) and node.module
                                             and not node.level):
            modules = ([a.name for a in node.names] if isinstance(node, ast.Import)
                       else [node.module] + [f"{node.module}.{a.name}" for a in node.names])
            for module in modules:
                if why := _banned_import(module):
                    out.append(f"{rel}:{node.lineno}: import {module} ({why})")
            aliases.update(_imported(node))
        elif isinstance(node, ast.Call):
            out += _call_findings(node, aliases, f"{rel}:{node.lineno}")
    return out


def _call_findings(node: ast.Call, aliases: dict[str, str], where: str) -> list[str]:
    out = []
    name = _dotted(node.func)
    if name:
        head, _, rest = name.partition(".")
        resolved = aliases.get(head, head) + (f".{rest}" if rest else "")
        for banned, why in BANNED_CALLS.items():
            if "." in banned:
                hit = resolved == banned or (banned in ("os.exec", "os.spawn")
                                             and resolved.startswith(banned))
            else:  # a builtin: only a bare call, never a method such as con.execute / re.compile
                hit = isinstance(node.func, ast.Name) and name == banned and head not in aliases
            if hit:
                out.append(f"{where}: {name}(...) ({why})")
    for kw in node.keywords:
        key = (kw.arg, kw.value.value) if isinstance(kw.value, ast.Constant) else None
        if key in BANNED_KEYWORDS:
            out.append(f"{where}: {kw.arg}={kw.value.value!r} ({BANNED_KEYWORDS[key]})")
    return out


def test_security_guard_sees_the_package():
    assert len(MODULES) > 40 and SRC / "ingest" / "html.py" in MODULES


@pytest.mark.parametrize(
    "snippet",
    [
        "eval(x)", "exec(code)", "import pickle\npickle.loads(b)", "from pickle import loads",
        "import os\nos.system('ls')", "import subprocess\nsubprocess.run(c, shell=True)",
        "from lxml import etree\netree.XMLParser(resolve_entities=True)", "import requests",
        "from urllib.request import urlopen", "import yaml\nyaml.load(s)",
        "import os as o\no.popen(c)",
        "import trafilatura\ntrafilatura.fetch_url(u)", "import os\nos.execvp('x', [])",
    ],
)
def test_security_guard_catches_planted_snippet(tmp_path, snippet):
    """The guard itself works: each planted line is found."""
    path = tmp_path / "planted.py"
    path.write_text(snippet + "\n")
    assert _findings(path, tmp_path), snippet


def test_security_guard_allows_lookalikes(tmp_path):
    ok = ("con.execute('SELECT 1')\nre.compile('x')\nliteral_eval = 1\n"
          "from urllib.parse import urlsplit\nsubprocess = None\nrun(cmd, shell=False)\n")
    path = tmp_path / "ok.py"
    path.write_text(ok)
    assert _findings(path, tmp_path) == []


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(SRC)) for p in MODULES])
def test_security_no_code_execution_shell_network_or_xxe_in_src(path):
    assert _findings(path) == []


def _requirements() -> list[tuple[str, str]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    out = [("build-system", r) for r in data["build-system"]["requires"]]
    out += [("dependencies", r) for r in data["project"]["dependencies"]]
    for extra, reqs in data["project"].get("optional-dependencies", {}).items():
        out += [(f"[{extra}]", r) for r in reqs]
    return out


UNBOUNDED_TODAY: set[str] = set()  # every dependency has an upper bound


def _req_params():
    params = []
    for group, text in _requirements():
        name = Requirement(text).name.lower().replace("_", "-")
        marks = [pytest.mark.xfail(strict=True, reason=f"pyproject.toml: {text!r} has no upper "
                                   "bound; add one (e.g. '<NEXT_MAJOR')")] if (
            name in UNBOUNDED_TODAY) else []
        params.append(pytest.param(group, text, id=f"{group}:{name}", marks=marks))
    return params


@pytest.mark.parametrize(("group", "text"), _req_params())
def test_security_dependency_ranges_bounded_above(group, text):
    """A new major version of a dependency is not picked up unreviewed."""
    spec = Requirement(text).specifier
    assert any(s.operator in ("<", "<=", "==", "~=", "===") for s in spec), (
        f"{group}: {text!r} has no upper bound")


# -- dynamic: the network is never touched, external entities never resolved -----------------


@pytest.fixture()
def no_network(monkeypatch):
    """Every attempt to resolve or connect is recorded and refused."""
    attempts: list[str] = []

    def refuse(what):
        def call(*args, **kwargs):
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"network disabled in this test ({what})")

        return call

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return attempts


BAIT_HTML = """<!DOCTYPE html><html><head>
<base href="http://bait.invalid/base/">
<meta http-equiv="refresh" content="0; url=http://bait.invalid/refresh">
<link rel="stylesheet" href="http://bait.invalid/style.css">
<link rel="canonical" href="http://bait.invalid/canonical">
<meta property="og:url" content="http://bait.invalid/og">
<meta property="og:image" content="http://bait.invalid/og.png">
<script src="http://bait.invalid/app.js"></script>
<title>Ferry timetable changes at Westmere</title></head><body><article>
<h1>Ferry timetable changes at Westmere</h1>
<p>The Westmere ferry will run every twenty minutes from Monday, the harbor office said.</p>
<img src="http://bait.invalid/photo.jpg" srcset="http://bait.invalid/2x.jpg 2x">
<iframe src="http://bait.invalid/frame"></iframe>
<p>Harbor master Runa Pellow said the change follows a survey of 300 commuters.
<a href="http://bait.invalid/survey">Read the survey</a>.</p>
<video src="http://bait.invalid/v.mp4" poster="http://bait.invalid/p.jpg"></video>
<object data="http://bait.invalid/obj"></object>
<p style="background:url(http://bait.invalid/bg.png)">Late crossings stay as they are.</p>
</article></body></html>"""


def test_security_urls_in_input_are_never_fetched(tmp_path, nlp, no_network):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "bait.html").write_text(BAIT_HTML, "utf-8")
    feed = {"id": "bait-feed", "url": "http://bait.invalid/feed-item",
            "text": "The Westmere ferry adds late crossings from Monday, the harbor office said. "
                    "See http://bait.invalid/inline and https://bait.invalid/secure for details."}
    (inputs / "feed.jsonl").write_text(json.dumps(feed) + "\n", "utf-8")
    (inputs / "note.txt").write_text("Ferry note\nThe ferry runs late on Fridays.\n", "utf-8")
    (inputs / "note.meta.json").write_text(json.dumps({"url": "http://bait.invalid/sidecar"}))
    result = crosswire.analyze([inputs], store=tmp_path / "store.duckdb")
    result.write(tmp_path / "out")
    assert no_network == [], f"network was touched: {no_network}"
    statuses = {Path(r.input).name.split(":")[0]: r.status for r in result.report.records}
    assert statuses == {"bait.html": "ingested", "feed.jsonl": "ingested",
                        "note.txt": "ingested"}
    corpus = json.loads((tmp_path / "out" / "corpus.json").read_text("utf-8"))
    urls = {a["url"] for a in corpus["articles"]}
    assert "http://bait.invalid/feed-item" in urls and "http://bait.invalid/sidecar" in urls


def test_security_network_bait_fixture_refuses(no_network):
    """The fixture really blocks (so the test above cannot pass vacuously)."""
    with pytest.raises(OSError, match="network disabled"):
        socket.create_connection(("bait.invalid", 80), timeout=1)
    with pytest.raises(OSError, match="network disabled"):
        socket.socket().connect(("127.0.0.1", 9))
    assert len(no_network) == 2


def test_security_html_external_entities_not_resolved(tmp_path):
    """XXE: an entity naming a local file is never expanded into the article text."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-LIGHTHOUSE-KEY")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
            '<!ENTITY net SYSTEM "http://bait.invalid/dtd">]>'
            "<html><head><title>Entities</title></head><body><article>"
            "<p>The lighthouse on the point was repainted white and red this spring. &xxe;</p>"
            "<p>Volunteers from the harbor club did the work over three weekends. &net;</p>"
            "</article></body></html>")
    for name in ("xxe.html", "xxe.xhtml"):
        (tmp_path / name).write_text(page, "utf-8")
    results = list(read_inputs([tmp_path / "xxe.html", tmp_path / "xxe.xhtml"]))
    assert len(results) == 2
    for rec, article in results:
        if article is not None:
            assert "TOPSECRET" not in article.text and "lighthouse" in article.text
        else:
            assert rec.reason


def test_security_entity_expansion_bomb_is_bounded(tmp_path):
    """Billion laughs in a page: parsing stays fast and the text stays small."""
    import time

    ents = '<!ENTITY a0 "lol lol lol lol lol lol lol lol lol lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    page = (f'<?xml version="1.0"?><!DOCTYPE html [{ents}]><html><body><article>'
            "<p>The harbor festival opened on Saturday with music near the old canal.</p>"
            "<p>&a9;</p></article></body></html>")
    (tmp_path / "bomb.html").write_text(page, "utf-8")
    started = time.monotonic()
    ((rec, article),) = list(read_inputs([tmp_path / "bomb.html"]))
    assert time.monotonic() - started < 10
    assert article is None or len(article.text) < 100_000


def test_security_lxml_default_xml_parser_resolves_no_external_entities():
    """trafilatura's own XMLParser calls rely on lxml >= 5 defaults (internal entities only)."""
    import lxml.etree

    assert lxml.etree.LXML_VERSION >= (5, 0)
