"""Rows of an action table read by its header: which cell is the task, the owner and the due date.

Minutes often list action items as a table whose header names the columns, in any order and with
extra ones: "| 序号 | 事项 | 责任方 | 完成时间 |", "| # | Owner | Action | Due |", or without the outer
pipes, as plain-text minutes write them ("序号 | 事项 | 负责人 | 完成时间"). A row is read only
when a header of that table names both a task and an owner column; a table without such a header
is left to the positional reading in `action_items`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["TableRow", "table_row"]

_TASK = re.compile(r"^(?:事项|任务|工作(?:内容|事项)?|内容|待办(?:事项)?|行动项|跟进事项|措施|"
                   r"action(?: items?)?|tasks?|items?|to-?dos?|what|next steps?)$", re.I)
_OWNER = re.compile(r"^(?:责任(?:方|人|单位|部门)|负责(?:人|方)|执行人|跟进人|牵头(?:人|方)|"
                    r"owners?|who|assignee|responsible)$", re.I)
_DUE = re.compile(r"^(?:(?:计划|预计)?完成(?:时间|日期|时限|节点)|截[止至](?:时间|日期)?|时间(?:节点)?|日期|期限|时限|"
                  r"due(?: date| by)?|deadline|by when|when|target(?: date)?|date|eta|timeline)$", re.I)
MAX_HEADER_LINES_BACK = 12  # rows between a header and the row read
_RULE = re.compile(r"^[\s|:：-]+$")  # "|---|---|"


class TableRow(NamedTuple):
    who: str
    task: str
    due: str


def table_row(text: str, start: int) -> TableRow | None:
    """The row of a headed action table that the line at `start` holds, or None."""
    begin = text.rfind("\n", 0, start) + 1
    if text[begin:start].strip():
        return None
    end = text.find("\n", start)
    cells = _cells(text[begin : end if end >= 0 else len(text)])
    if cells is None:
        return None
    above = begin - 1
    for _ in range(MAX_HEADER_LINES_BACK):
        if above <= 0:
            return None
        line_start = text.rfind("\n", 0, above) + 1
        header = _cells(text[line_start:above])
        if header is None:
            return None
        above = line_start - 1
        if len(header) != len(cells) or _RULE.match("|".join(header)):
            continue
        columns = _columns(header)
        if columns is None:
            continue
        task, owner, due = columns
        if not cells[task] or not cells[owner]:
            return None
        return TableRow(cells[owner], cells[task], cells[due] if due is not None else "")
    return None


def _cells(line: str) -> list[str] | None:
    """The cells of a table line: "| a | b |", or plain-text minutes' "1 | a | b" (three cells or more)."""
    line = line.strip()
    if line.count("|") < (3 if line.startswith("|") else 2):
        return None
    return [cell.strip() for cell in line.strip("|").split("|")]


def _columns(header: list[str]) -> tuple[int, int, int | None] | None:
    """(task, owner, due) column indices of a header row, or None when it names no task or owner."""
    task = owner = due = None
    for k, cell in enumerate(header):
        if task is None and _TASK.match(cell):
            task = k
        elif owner is None and _OWNER.match(cell):
            owner = k
        elif due is None and _DUE.match(cell):
            due = k
    return (task, owner, due) if task is not None and owner is not None else None
