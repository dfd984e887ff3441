"""crosswire.render: how a brief is written (JSON + schemas, Markdown, self-contained HTML).

Importing this package registers the renderers "json", "md" and "html" in
``crosswire.registry.renderers``; ``renderers.create("html")`` returns
``story_to_html(story_dict, articles) -> str``.
"""

from . import registry as _registry  # noqa: F401  (registers the built-in renderers)
from .html import story_to_html
from .json_out import (
    corpus_to_dict,
    corpus_to_json,
    story_to_dict,
    story_to_json,
    validate,
)
from .markdown import story_to_markdown

__all__ = [
    "corpus_to_dict",
    "corpus_to_json",
    "story_to_dict",
    "story_to_html",
    "story_to_json",
    "story_to_markdown",
    "validate",
]
