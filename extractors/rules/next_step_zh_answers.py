"""A Chinese promise to explain a problem names the problem it explains.

Support and account staff answer a complaint with a promise whose object is only the kind of
answer: "明天上午前给您答复原因", "今晚十点前给您一个初步原因", "明天给您初步结论", "今天下班前回覆
原因". The promise is about the problem the other side just described ("平台上那几个温度点位还是显示
离线", "线上预约的页面一直转圈") or the speaker named before it in the same sentence ("流量预警的
问题，我今天就提给研发，明天给您初步结论"). The step is that answer about that problem:
"给您答复温度点位还是显示离线的原因".
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.rules.next_step_clauses import NextStepHit
from extractors.rules.sentences import Sentence

__all__ = ["with_problem"]

# the answer without its subject: "给您答复原因", "给您一个初步原因", "回覆原因", "覆你原因", "给您初步结论"
_BARE_ANSWER = re.compile(
    r"^(?P<lead>(?:给您|给你|给你们|給您|給你)?(?:一个|一個)?(?:答复|回复|回覆|覆你|覆您|反馈|反饋|说明|說明)?(?:您|你|你们)?"
    r"(?:一个|一個)?)(?P<kind>(?:初步|书面|書面|具体|具體|详细|詳細)的?)?(?P<noun>原因|结论|結論|说法|說法|解释|解釋)$")
# what a complaint says is wrong: "一直转圈", "老是延迟", "显示离线", "排课老是冲突", "eCPM掉到18"
_WRONG = re.compile(r"延迟|延遲|离线|離線|掉线|掉線|转圈|轉圈|冲突|衝突|下跌|掉到|降到|变慢|變慢|很慢|报错|報錯|出错|出錯|"
                    r"失败|失敗|异常|異常|超时|超時|卡顿|卡頓|卡死|闪退|閃退|乱码|亂碼|无法|無法|不能用|没法|冇法|"
                    r"打不开|打不開|登不上|连不上|連不上|收不到|丢失|丟失|不一致|不同步|冇咗|多扣|重复扣|重複扣|扣错")
# "流量预警的问题，我今天就…": the problem the speaker names first
_ISSUE = re.compile(r"(?:^|关于|關於)\s*(?P<topic>[^，,。；;！!？?\s的]{2,12}?)的(?:问题|問題)(?!吗|呢|嗎)")
_LEADING = re.compile(r"^(?:@\S+\s+|但是|但係|不过|不過|但|可是|而且|另外|还有|還有|就是|现在|現在|最近|你们|你們|你哋|那个|那個|"
                      r"这个|這個|(?:上|这|這|本)?(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]?(?:开始|開始)?|昨天|前天|今天|今朝|昨晚|今早|"
                      r"早上|上午|中午|下午|晚上|"
                      r"一直|还是|還是)+")
_TRAILING = re.compile(r"[了啦喇呀啊嘅]+$")
_CLAUSE = re.compile(r"[，,。；;！!？?\n]")
MAX_PROBLEM_CHARS = 18
MAX_LOOKBACK = 6  # sentences back to the complaint the promise answers


def with_problem(hit: NextStepHit, sentences: list[Sentence], i: int) -> NextStepHit:
    """`hit` with the problem its bare answer explains ("给您答复原因" → "给您答复温度点位显示离线的
    原因"), or `hit` unchanged when it is no bare answer or no problem is found nearby."""
    m = _BARE_ANSWER.match(hit.action)
    if m is None:
        return hit
    before = hit.sentence.text[: hit.sentence.text.find(hit.action)]
    for clause in _CLAUSE.split(before):
        if (issue := _ISSUE.search(clause.strip())) is not None:
            return replace(hit, action=f"{m.group('lead')}{issue.group('topic')}问题的{m.group('kind') or ''}{m.group('noun')}")
    for earlier in reversed(sentences[max(0, i - MAX_LOOKBACK) : i]):
        # an ask explains its own complaint ("…一直转圈。请今天回复原因"); a promise answers the other's
        if (earlier.speaker == hit.sentence.speaker) is not hit.is_request or earlier.quoted:
            continue
        if problem := _problem(earlier.text):
            return replace(hit, action=f"{m.group('lead')}{problem}的{m.group('kind') or ''}{m.group('noun')}")
    return hit


def _problem(text: str) -> str:
    """The first clause of `text` that says what is wrong, without its lead words, or ""."""
    for clause in _CLAUSE.split(text):
        if (wrong := _WRONG.search(clause)) is None:
            continue
        phrase = _TRAILING.sub("", _LEADING.sub("", clause.strip()))
        if len(phrase) > MAX_PROBLEM_CHARS:  # keep the words nearest what is wrong
            end = phrase.find(wrong.group()) + len(wrong.group())
            phrase = phrase[max(0, end - MAX_PROBLEM_CHARS) : end]
        return phrase
    return ""
