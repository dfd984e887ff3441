"""Registers the built-in renderers in ``crosswire.registry.renderers``.

Each factory returns a function ``(story_dict, articles) -> str`` where ``articles`` maps an
article id to its corpus.json article dict; renderers work from stored JSON, not records.
"""

from __future__ import annotations

from collections.abc import Callable

from ..registry import renderers
from .html import story_to_html
from .json_out import render_json
from .markdown import story_to_markdown

Renderer = Callable[..., str]


@renderers.register("json")
def make_json_renderer() -> Renderer:
    return render_json


@renderers.register("md")
def make_markdown_renderer() -> Renderer:
    return story_to_markdown


@renderers.register("html")
def make_html_renderer() -> Renderer:
    return story_to_html
