"""Every config key and every registry name is documented."""

from __future__ import annotations

from pathlib import Path

from crosswire.config import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _keys(model, prefix=""):
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if hasattr(type(value), "model_fields"):
            yield from _keys(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}"


def test_docs_every_config_key_documented():
    text = (DOCS / "configuration.md").read_text()
    missing = [key for key in _keys(Settings()) if f"`{key}`" not in text]
    assert missing == []


def test_docs_readme_names_the_two_commands():
    readme = (DOCS.parent / "README.md").read_text()
    assert "pip install -e . && crosswire demo" in readme
    assert "bash .ci/run" in readme


def test_docs_readme_brief_excerpt_is_what_the_demo_writes(tmp_path):
    """Every line of the README's brief excerpt is a line of the brief `crosswire demo`
    writes for its main story (footnote numbers included): the README shows real output."""
    from importlib import resources

    import crosswire

    readme = (DOCS.parent / "README.md").read_text()
    excerpt = readme.split("```\n# Deadly fire", 1)[1].split("```", 1)[0]
    corpus = Path(str(resources.files("crosswire.demo"))) / "corpus"
    result = crosswire.analyze([corpus], store=str(tmp_path / "demo.duckdb"))
    result.write(tmp_path, formats=("md",))
    result.store.close()
    written = "\n".join(p.read_text() for p in (tmp_path / "stories").glob("*.md"))
    lines = [x for x in ("# Deadly fire" + excerpt).splitlines() if x.strip() not in ("", "…")]
    assert [x for x in lines if x not in written.splitlines()] == []
