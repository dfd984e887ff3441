"""Geometry of the story timeline drawn as inline SVG (no script, no inline style).

One implementation serves the web UI and the self-contained HTML brief: it lives in
``crosswire.render.html`` (the axis spans the story's events; a background year such as
"built in 1988" sits past a break at the end of the axis instead of squeezing every other
point onto one spot; dates are labelled in words).
"""

from __future__ import annotations

from ..render.html import Chart, Dot, timeline_chart

__all__ = ["Chart", "Dot", "timeline_chart"]
