"""The report's charts as inline SVG, drawn by matplotlib's SVG backend: text stays text
(`svg.fonttype: none`, so it is searchable, selectable and printed sharp), colours come from the
colour-blind-safe `tableau-colorblind10` style, and every series also has its own marker and dash
pattern, so the chart still reads in grey print."""

import io
import re
import threading
from collections.abc import Sequence
from datetime import date

# Each series: its label, colour-independent marker and dash.
_LOOKS = {
    "impressions": ("o", "-"),
    "engagements": ("s", "--"),
    "clicks": ("^", "-."),
    "conversions": ("D", ":"),
}
_PROLOG = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_STYLE = threading.Lock()  # matplotlib's rc settings are global: one chart at a time


def daily_chart(days: Sequence[date], series: dict[str, Sequence[int]], title: str) -> str:
    """A line chart of counts per day, as an `<svg>` element to inline in HTML."""
    # Imported here: matplotlib takes a moment to load, and only a report needs it.
    from matplotlib import rc_context, style
    from matplotlib.figure import Figure

    with _STYLE, rc_context({"svg.fonttype": "none", "svg.hashsalt": "report", "font.family": "sans-serif"}):
        style.use("tableau-colorblind10")
        figure = Figure(figsize=(7.5, 2.6), layout="constrained")
        axes = figure.subplots()
        for name, values in series.items():
            marker, dash = _LOOKS.get(name, ("x", "-"))
            # Markers on at most ~40 points: enough to tell the lines apart without a smear.
            every = max(1, len(days) // 40)
            axes.plot(
                days, values, label=name, marker=marker, markevery=every, linestyle=dash, markersize=4, linewidth=1.5
            )
        axes.set_title(title, loc="left", fontsize=10)
        axes.grid(True, alpha=0.3)
        axes.legend(fontsize=8, frameon=False, loc="upper left")
        axes.tick_params(labelsize=8)
        figure.autofmt_xdate()
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    return _PROLOG.sub("", out.getvalue(), count=1)
