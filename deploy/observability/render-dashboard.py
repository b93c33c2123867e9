#!/usr/bin/python3
"""Draws the Grafana dashboard JSON with matplotlib against a real Prometheus, for a picture without Grafana.

Each panel's own queries are sent to Prometheus's HTTP API (instant queries for stat panels, range queries
for time series) and drawn where the panel's gridPos puts it. It is not Grafana: colours, units and legends
are simpler; the numbers are the ones Prometheus returns for the dashboard's expressions.

    /usr/bin/python3 render-dashboard.py http://localhost:9090 grafana/dashboards/peering-control-plane.json \
        dashboard.png --minutes 20
"""
import argparse
import json
import re
import time
import urllib.parse
import urllib.request

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from datetime import datetime, timezone  # noqa: E402


def query(prometheus, path, **params):
    url = prometheus + path + "?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url, timeout=30) as answer:
        body = json.load(answer)
    if body.get("status") != "success":
        raise RuntimeError(f"{url}: {body}")
    return body["data"]["result"]


def legend(fmt, labels):
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: labels.get(m.group(1), ""), fmt) or str(labels)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("prometheus")
    parser.add_argument("dashboard")
    parser.add_argument("out")
    parser.add_argument("--minutes", type=int, default=30)
    parser.add_argument("--rate-interval", default="1m")
    args = parser.parse_args()
    dashboard = json.load(open(args.dashboard))
    panels = dashboard["panels"]
    height = max(p["gridPos"]["y"] + p["gridPos"]["h"] for p in panels)
    end = time.time()
    start = end - args.minutes * 60
    step = max(5, args.minutes * 60 // 120)
    fig = plt.figure(figsize=(24, height * 0.62))
    grid = fig.add_gridspec(height, 24, hspace=2.2, wspace=1.2, top=0.965, bottom=0.02)
    fig.suptitle(
        f"{dashboard['title']}: the dashboard's queries against Prometheus, "
        f"{datetime.fromtimestamp(start, timezone.utc):%Y-%m-%d %H:%M}–{datetime.fromtimestamp(end, timezone.utc):%H:%M} UTC"
        " (matplotlib rendering, not Grafana)",
        fontsize=14,
        y=0.985,
    )
    for panel in panels:
        g = panel["gridPos"]
        ax = fig.add_subplot(grid[g["y"] : g["y"] + g["h"], g["x"] : g["x"] + g["w"]])
        if panel["type"] == "row":
            ax.axis("off")
            ax.text(0, 0.5, panel["title"], fontsize=15, weight="bold", va="center")
            continue
        ax.set_title(panel["title"], fontsize=10, loc="left")
        exprs = [(t["expr"].replace("$__rate_interval", args.rate_interval), t.get("legendFormat", ""))
                 for t in panel["targets"]]
        if panel["type"] == "stat":
            result = query(args.prometheus, "/api/v1/query", query=exprs[0][0], time=end)
            value = float(result[0]["value"][1]) if result else float("nan")
            steps = panel["fieldConfig"]["defaults"]["thresholds"]["steps"]
            colour = steps[0]["color"]
            for s in steps[1:]:
                if value >= s["value"]:
                    colour = s["color"]
            ax.set_facecolor({"green": "#c8e6c9", "red": "#ffcdd2", "orange": "#ffe0b2"}.get(colour, "#eeeeee"))
            ax.text(0.5, 0.45, "no data" if value != value else f"{value:g}", fontsize=26, ha="center", va="center",
                    transform=ax.transAxes)
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        drawn = 0
        for expr, fmt in exprs:
            for series in query(args.prometheus, "/api/v1/query_range", query=expr, start=start, end=end, step=step):
                xs = [datetime.fromtimestamp(float(t), timezone.utc) for t, _ in series["values"]]
                ys = [float(v) for _, v in series["values"]]
                ax.plot(xs, ys, label=legend(fmt, series["metric"]), linewidth=1.4)
                drawn += 1
        if drawn == 0:
            ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes, color="grey")
        else:
            ax.legend(fontsize=7, loc="upper left", ncol=2 if drawn > 6 else 1)
        unit = panel.get("fieldConfig", {}).get("defaults", {}).get("unit", "")
        if unit == "s":
            ax.set_ylabel("seconds", fontsize=8)
        elif unit == "ops":
            ax.set_ylabel("per second", fontsize=8)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M"))
        ax.tick_params(labelsize=7)
        ax.set_ylim(bottom=0)
    fig.savefig(args.out, dpi=70, bbox_inches="tight")


if __name__ == "__main__":
    main()
