"""Subject and title lines: a ticket's or email's title restates the problem its body tells.

A "Subject: …" line or a Chinese "主题：…" heading names the problem the body then tells in full, so
a pain point read off the title would be a second copy of one the body gives (`signals.py` and the
learned extractor skip such a sentence).
"""

from __future__ import annotations

import re

# "Subject: …" / "主题：…": a ticket's or email's title restates the body's problem
_SUBJECT_LINE = re.compile(r"(?:^|\n)[ \t]*(?:subject|re|fwd?|title|ticket|case|issue type|category|"
                           r"主题|标题|主旨|问题类型|问题分类)[ \t]*[:：][ \t]*$",
                           re.I)
# a Chinese line that is a title itself: "主题：关于报表导出失败的投诉", or a bare "关于…的问题"
# heading without a full stop (an English "Subject: …" line often is the only place a problem is
# named in so many words, so it stays)
_TITLE = re.compile(r"[ \t]*(?:主题|标题|主旨)[ \t]*[:：]|"
                    r"[ \t]*关于[^。！？!?\n]{2,40}的(?:问题|投诉|反馈|情况说明|说明)[ \t]*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def is_subject_line(text: str, start: int) -> bool:
    """Whether the sentence at `start` is a "Subject:" / "主题：" line: a title restates the
    problem its body tells, so it is not a second pain point."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip():  # the sentence opens its line: "主题：关于…的投诉"
        line_end = text.find("\n", start)
        line = text[start:len(text) if line_end < 0 else line_end]
        if _HAN.search(line) and _TITLE.match(line):
            return True
    return _SUBJECT_LINE.search(text, max(0, line_start - 1), start) is not None
