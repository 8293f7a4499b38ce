"""The office command's words in Vietnamese and English (``chibo --lang en``, or ``LANG=en…``).
Vietnamese is the default: the command is for a commune's or a province's office."""

from __future__ import annotations

import os
from typing import Dict, Optional, Sequence, Tuple

TEXT: Dict[str, Tuple[str, str]] = {
    "prog": (
        "Báo cáo sinh hoạt chi bộ từ nhật ký (chibo): kiểm tra nhật ký, in báo cáo tháng, xuất bảng, in biên bản, tổng hợp nhiều đảng bộ.",
        "Reports on cell meetings from chibo journals: verify a journal, print a month's report, export tables, render minutes, roll up many communes.",
    ),
    "epilog": (
        "Mã thoát: 0 thành công; 1 nhật ký hỏng hoặc không khớp dấu niêm phong (với tổng hợp: ít nhất một nhật ký); "
        "2 sai cách dùng (lệnh, tùy chọn, kỳ báo cáo); 3 không đọc/ghi được tệp hoặc thiếu thư viện; 4 yêu cầu bị từ chối (vd. không có cuộc họp đó). "
        "Kỳ báo cáo: 03/2025, 2025-03, Q1/2025, 2025-Q1, 2025.",
        "Exit codes: 0 success; 1 a journal damaged or not matching its seal (roll-up: at least one journal); "
        "2 bad usage (command, option, period); 3 a file not readable or writable, or a library missing; 4 a request refused (e.g. no such meeting). "
        "Periods: 03/2025, 2025-03, Q1/2025, 2025-Q1, 2025.",
    ),
    "usage": ("Cách dùng: ", "usage: "),
    "positionals": ("tham số", "arguments"),
    "optionals": ("tùy chọn", "options"),
    "commands": ("lệnh", "commands"),
    "help": ("in hướng dẫn này rồi thoát", "show this help and exit"),
    "lang": ("ngôn ngữ: vi (mặc định) hoặc en", "language: vi (the default) or en"),
    "journal": ("tệp nhật ký (.jsonl)", "a journal file (.jsonl)"),
    "period": ("kỳ báo cáo: 03/2025, 2025-03, Q1/2025 hoặc 2025", "the period: 03/2025, 2025-03, Q1/2025 or 2025"),
    "verify": (
        "kiểm tra chuỗi băm của nhật ký, phát lại mọi bản ghi theo quy định, kiểm tra mọi chữ ký (và dấu niêm phong, có chữ ký hoặc không, nếu có)",
        "check a journal's hash chain, replay every record through the rules, check every signature (and its seal, signed or not, when given)",
    ),
    "seal": ("dấu niêm phong: số bản ghi cuối và mã băm cuối", "the seal: the last record's sequence number and hash"),
    "signed_seal": (
        "tệp chứa dòng dấu niêm phong có chữ ký (bản ghi seal_journal, như in trong biên bản): kiểm tra mọi chữ ký và rằng nhật ký còn giữ dấu niêm phong đó (không bị xoá các bản ghi cuối)",
        "a file holding a signed seal line (a seal_journal record, as printed in the minutes): checks every signature and that the journal still holds that seal (no records dropped from its end)",
    ),
    "signed_seal_ok": ("khớp dấu niêm phong có chữ ký ở bản ghi", "holds its signed seal at record"),
    "signed_by": ("ký bởi", "signed by"),
    "signatures": ("Chữ ký", "Signatures"),
    "signatures_counts": (
        "{signed} bản ghi có chữ ký, {unsigned} bản ghi không có chữ ký",
        "{signed} records signed, {unsigned} unsigned",
    ),
    "signatures_required_from": ("bắt buộc ký từ ngày {day}", "required from {day}"),
    "signatures_not_required": ("quy định của đảng bộ chưa bắt buộc ký", "the commune's rules do not require them"),
    "signed_seal_lines": (
        "tệp {path} phải chứa đúng một dòng dấu niêm phong có chữ ký, ở đây có {lines} dòng",
        "the file {path} must hold exactly one signed seal line; it holds {lines}",
    ),
    "report": ("in báo cáo của một kỳ (mặc định: bảng theo dõi và cảnh báo)", "print a period's report (the dashboard and the alerts)"),
    "export": ("xuất các bảng của một kỳ ra CSV, Excel hoặc Parquet", "export a period's tables as CSV, Excel or Parquet"),
    "format": ("định dạng: csv, xlsx hoặc parquet", "format: csv, xlsx or parquet"),
    "out": ("tệp (xlsx) hoặc thư mục (csv, parquet) ghi ra", "the file (xlsx) or folder (csv, parquet) to write"),
    "table": ("chỉ các bảng này (lặp lại được): ", "only these tables (repeatable): "),
    "minutes": ("in biên bản và nghị quyết của một cuộc họp (Markdown hoặc HTML)", "render a meeting's minutes and resolution (Markdown or HTML)"),
    "meeting": ("mã cuộc họp", "the meeting's id"),
    "html": ("HTML thay cho Markdown", "HTML instead of Markdown"),
    "rollup": ("tổng hợp nhật ký của nhiều đảng bộ trong một thư mục", "roll up the journals of many communes in a folder"),
    "folder": ("thư mục chứa nhật ký (*.jsonl), hoặc các tệp", "a folder of journals (*.jsonl), or files"),
    "seals": ("tệp dấu niêm phong: mỗi dòng TÊN_TỆP SỐ MÃ_BĂM", "a file of seals: one line per journal, NAME SEQ HASH"),
    "processes": ("số tiến trình chạy song song trên máy này", "processes to run in parallel on this machine"),
    "dask": ("chạy trên Dask: địa chỉ bộ lập lịch (tcp://…) hoặc 'local'", "run on Dask: a scheduler's address (tcp://…) or 'local'"),
    "quiet": ("không in tiến độ", "print no progress"),
    "ok": ("Nhật ký hợp lệ", "Journal valid"),
    "sealed_ok": ("khớp dấu niêm phong", "matches its seal"),
    "records": ("bản ghi", "records"),
    "last_hash": ("mã băm cuối", "last hash"),
    "damaged": ("Nhật ký không hợp lệ", "Journal not valid"),
    "written": ("Đã ghi", "Written"),
    "rows": ("dòng", "rows"),
    "read_ok": ("đọc được", "read"),
    "read_failed": ("không đọc được", "not read"),
    "alerts": ("Cảnh báo", "Alerts"),
    "none": ("không có", "none"),
    "bad_usage": ("Sai cách dùng", "Bad usage"),
    "file_error": ("Không đọc/ghi được tệp", "Cannot read or write a file"),
    "missing_lib": ("Thiếu thư viện", "A library is missing"),
    "refused": ("Bị từ chối", "Refused"),
    "commune": ("Đảng bộ", "Commune"),
    "cells": ("chi bộ", "cells"),
    "held": ("đã họp", "held"),
    "not_held": ("chưa họp", "not held"),
    "attendance": ("dự họp", "attendance"),
    "tasks_open": ("nhiệm vụ đang thực hiện", "tasks pending"),
    "journals": ("nhật ký", "journals"),
}


def language(argv: Sequence[str], environ: Optional[Dict[str, str]] = None) -> str:
    """``vi`` or ``en``: ``--lang`` if given, else English when ``LANG`` (or ``LC_ALL``) starts
    with ``en``, else Vietnamese."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "vi"
    env = os.environ if environ is None else environ
    locale = env.get("LC_ALL") or env.get("LANG") or ""
    return "en" if locale.startswith("en") else "vi"


def t(key: str, lang: str) -> str:
    """The text ``key`` in ``lang``."""
    vi, en = TEXT[key]
    return en if lang == "en" else vi


__all__ = ["TEXT", "language", "t"]
