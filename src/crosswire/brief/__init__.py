"""crosswire.brief: what a story brief says (facts, quotes, timeline, summary, framing).

Pure functions over records; rendering lives in ``crosswire.render``.
"""

from .compose import compose_brief

__all__ = ["compose_brief"]
