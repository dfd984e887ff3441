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
