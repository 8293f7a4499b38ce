"""The month at a glance, for the commune office: each cell's meeting, attendance, vote and tasks,
the commune's totals and the alerts at the month's end, printed; and a chart written to a PNG
file when matplotlib is installed.

    python bindings-python/examples/monthly_report.py                       # Nga Trường, March 2025
    python bindings-python/examples/monthly_report.py JOURNAL --month 2025-11 --chart out.png

Every figure comes from chibo's reports (the dashboard and the alerts of the Rust core); this
script only reads the journal, picks the month and lays the figures out.
"""

from __future__ import annotations

import argparse
import calendar
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional

import chibo

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_JOURNAL = ROOT / "target" / "nga_truong" / "journal.jsonl"



def percent(per_mille: Optional[int]) -> str:
    return "  —  " if per_mille is None else f"{per_mille / 10:5.1f}%"


def print_month(commune: chibo.Commune, month: str) -> Dict[str, Any]:
    dashboard = commune.dashboard(month=month)
    rows: List[Dict[str, Any]] = dashboard["rows"]
    # The names of states and bands are the library's (the `labels` query), as in its documents.
    labels: Dict[str, Dict[str, str]] = commune.query({"labels": {"language": "vi"}})
    states, bands = labels["meeting_state"], labels["band"]
    print(f"{dashboard['commune_name']} — sinh hoạt chi bộ tháng {month[5:]}/{month[:4]}")
    print()
    print(f"{'Chi bộ':<28} {'Trạng thái':<24} {'Có mặt':>13} {'Biểu quyết':>11} "
          f"{'NV mới':>6} {'Vượt':>5} {'Đúng':>5} {'Trễ':>4} {'Không':>5} {'Chờ':>4}  Xếp loại")
    for row in rows:
        att, vote, tasks = row["attendance"], row["vote"], row["tasks"]
        present = f"{att['present']}/{att['expected']} {percent(att['rate_per_mille'])}"
        voted = f"{vote['yes']}/{vote['counted_base']}" if vote else "—"
        state = states.get(row["state"], "chưa có kỳ họp") if row["state"] else "chưa có kỳ họp"
        band = bands.get(row["quality_band"], "—") if row["quality_band"] else "—"
        print(f"{row['cell_name'][:28]:<28} {state:<24} {present:>13} "
              f"{voted:>11} {tasks['new']:>6} {tasks['exceeded']:>5} {tasks['on_time']:>5} "
              f"{tasks['late']:>4} {tasks['not_done']:>5} {tasks['pending']:>4}  {band}")
    total = dashboard["total"]
    att, tasks = total["attendance"], total["tasks"]
    print()
    print(f"Toàn Đảng bộ: {total['held']['regular']} kỳ thường kỳ, {total['held']['thematic']} chuyên đề; "
          f"{total['resolutions_adopted']} nghị quyết thông qua; có mặt {att['present']}/{att['expected']} "
          f"({percent(att['rate_per_mille']).strip()}, không tính đảng viên được miễn vắng mặt; "
          f"điểm danh {percent(att['headcount_per_mille']).strip()}); nhiệm vụ: {tasks['new']} mới, "
          f"{tasks['exceeded'] + tasks['on_time']} hoàn thành đúng hạn trở lên, {tasks['late']} trễ, "
          f"{tasks['not_done']} không hoàn thành.")
    if total["regular_missing"]:
        print(f"Chưa họp thường kỳ: {total['regular_missing']} chi bộ.")
    return dashboard


def print_alerts(commune: chibo.Commune, month: str) -> None:
    year, number = int(month[:4]), int(month[5:])
    month_end = date(year, number, calendar.monthrange(year, number)[1])
    alerts = commune.alerts(as_of=month_end)
    print()
    print(f"Cảnh báo đến ngày {month_end:%d/%m/%Y}: {len(alerts)}")
    for kind, count in Counter(alert["kind"] for alert in alerts).most_common():
        print(f"  {count:4}  {kind}")
    for alert in alerts[:3]:
        print(f"  - {alert['message_vi']}")


def write_chart(dashboard: Dict[str, Any], month: str, path: Path) -> bool:
    """A bar chart per cell: attendance rate, and the month's task outcomes stacked."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("\n(matplotlib is not installed: no chart; pip install matplotlib)")
        return False
    rows = dashboard["rows"]
    names = [row["cell_name"].replace("Chi bộ ", "") for row in rows]
    rates = [(row["attendance"]["rate_per_mille"] or 0) / 10 for row in rows]
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(12, 8), sharex=True)
    top.bar(names, rates, color="#b22222")
    top.set_ylabel("Có mặt (%)")
    top.set_ylim(0, 100)
    top.set_title(f"{dashboard['commune_name']} — tháng {month[5:]}/{month[:4]}")
    base = [0] * len(rows)
    for key, label, colour in [("exceeded", "Vượt", "#2e7d32"), ("on_time", "Đúng hạn", "#66bb6a"),
                               ("late", "Trễ", "#ffb300"), ("not_done", "Không hoàn thành", "#e53935"),
                               ("pending", "Chờ báo cáo", "#9e9e9e")]:
        values = [row["tasks"][key] for row in rows]
        bottom.bar(names, values, bottom=base, label=label, color=colour)
        base = [b + v for b, v in zip(base, values)]
    bottom.set_ylabel("Nhiệm vụ")
    bottom.set_ylim(0, max(base + [1]) * 1.25)  # room for the legend above the bars
    bottom.legend(ncol=5, fontsize="small", loc="upper center")
    plt.setp(bottom.get_xticklabels(), rotation=45, ha="right")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    plt.close(figure)
    print(f"\nBiểu đồ: {path}")
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("journal", nargs="?", type=Path, default=DEFAULT_JOURNAL)
    parser.add_argument("--month", default="2025-03", help="YYYY-MM (default 2025-03)")
    parser.add_argument("--chart", type=Path, help="PNG to write (default: next to the journal)")
    args = parser.parse_args()
    commune = chibo.Commune.read(args.journal)
    dashboard = print_month(commune, args.month)
    print_alerts(commune, args.month)
    write_chart(dashboard, args.month, args.chart or args.journal.with_name(f"monthly_report-{args.month}.png"))


if __name__ == "__main__":
    main()
