"""Sentence sentiment by class of customer language: refusals, complaints without feeling words,
plain positive stances, and praise words that only acknowledge a plan (evals/GUIDE.md "Sentiment")."""

from __future__ import annotations

import pytest

from extractors.rules.sentiment import score_sentence, settle_resolved

REFUSALS_AND_COMPLAINTS = [
    pytest.param("We are not able to approve that increase this cycle.", id="en-not-able-to-approve"),
    pytest.param("We won't be able to renew at that price.", id="en-wont-be-able-to-renew"),
    pytest.param("Not interested.", id="en-not-interested"),
    pytest.param("Please take me off your list.", id="en-off-your-list"),
    pytest.param("Stop calling me.", id="en-stop-calling"),
    pytest.param("This needs to be fixed before the launch.", id="en-needs-to-be-fixed"),
    pytest.param("The app has logged me out 4 times today.", id="en-n-times-today"),
    pytest.param("This is the third month in a row we've been overbilled.", id="en-in-a-row"),
    pytest.param("I raised this twice and have heard nothing back.", id="en-heard-nothing-back"),
    pytest.param("I've been waiting for support to explain why the recordings vanished.",
                 id="en-been-waiting-for-vendor"),
    pytest.param("If this isn't sorted by Friday, this goes to our CFO.", id="en-escalation-threat"),
    pytest.param("It's a 30% increase and nobody told us it was coming.", id="en-nobody-told-us"),
    pytest.param("Which we didn't ask for.", id="en-didnt-ask-for"),
    pytest.param("Zoho came back at about forty percent less than you.", id="en-rival-percent-less"),
    pytest.param("I can get Salesloft for less.", id="en-rival-for-less"),
    pytest.param("Freshdesk is like half that.", id="en-rival-half"),
    pytest.param("$89 a user is a lot for a six-person shop.", id="en-a-lot-for"),
    pytest.param("My team stopped trusting the notes.", id="en-stopped-trusting"),
    pytest.param("We signed with Gong last week.", id="en-signed-with-rival"),
    pytest.param("I'm learning the hard way.", id="en-the-hard-way"),
    pytest.param("We will not be moving ahead this quarter.", id="en-not-moving-ahead"),
    pytest.param("We aren't moving forward.", id="en-arent-moving-forward"),
    pytest.param("We're going to hold off on the purchase for now.", id="en-hold-off"),
    pytest.param("We need to put this on hold.", id="en-on-hold"),
    pytest.param("We'll pass for now.", id="en-pass"),
    pytest.param("The answer is no.", id="en-answer-is-no"),
    pytest.param("Your support team never replied to my ticket.", id="en-never-replied"),
    pytest.param("Been on hold for 45 minutes.", id="en-on-hold-for-minutes"),
    pytest.param("这事先放一放吧。", id="zh-shelved"),
    pytest.param("我们先不推进了。", id="zh-not-proceeding"),
    pytest.param("预算没批下来。", id="zh-budget-not-approved"),
    pytest.param("我们暂缓采购。", id="zh-purchase-paused"),
    pytest.param("客服电话打了一上午都没人接。", id="zh-nobody-answers"),
    pytest.param("Two hours on the phone and nothing.", id="en-and-nothing"),
    pytest.param("Three tickets, zero answers.", id="en-zero-answers"),
    pytest.param("I want my money back.", id="en-money-back"),
    pytest.param("I've asked three times for an invoice.", id="en-asked-n-times"),
    pytest.param("It's been a week and the issue is still open.", id="en-been-a-week-still-open"),
    pytest.param("Each time we call we get a different answer.", id="en-different-answers"),
    pytest.param("Why do I have to explain this again?", id="en-why-again"),
    pytest.param("Nobody at your company seems to care.", id="en-nobody-cares"),
    pytest.param("It keeps logging us out.", id="en-keeps-logging-out"),
    pytest.param("Every week something breaks.", id="en-something-breaks"),
    pytest.param("So the login issue is back.", id="en-issue-is-back"),
    pytest.param("Honestly, we expected more.", id="en-expected-more"),
    pytest.param("Not what we were promised.", id="en-not-what-promised"),
    pytest.param("Sales promised SSO and it's not there.", id="en-promised-not-there"),
    pytest.param("We've been more than patient.", id="en-patience"),
    pytest.param("又崩了。", id="zh-crashed-again"),
    pytest.param("说了多少遍了，还是这个问题。", id="zh-told-you-how-many-times"),
    pytest.param("每次都要重新说一遍。", id="zh-repeat-every-time"),
    pytest.param("发票又开错了。", id="zh-wrong-again"),
    pytest.param("我们已经很有耐心了。", id="zh-patience-running-out"),
    pytest.param("要是再这样，我们只能换供应商了。", id="zh-switch-vendor-threat"),
    pytest.param("不需要。", id="zh-flat-no"),
    pytest.param("导出模板太死板了。", id="zh-rigid"),
    pytest.param("每次都得导出来在Excel里改。", id="zh-rework-every-time"),
    pytest.param("我们对这个不感兴趣。", id="zh-not-interested"),
    pytest.param("说好上周五发货，现在都周三了，一点消息没有。", id="zh-promised-date-passed"),
    pytest.param("打印机用了两天就不出纸了。", id="zh-broke-within-days"),
    pytest.param("再出现这种情况，我们会考虑终止合同。", id="zh-terminate-threat"),
    pytest.param("周五前还到不了的话，我们就退单了。", id="zh-return-threat"),
    pytest.param("问了三次，到现在也没有一个答复。", id="zh-still-no-answer"),
]

PLAIN_POSITIVES = [
    pytest.param("Looking forward to getting started!", id="en-eager-to-start"),
    pytest.param("You guys are fast, thank you!", id="en-speed-praised"),
    pytest.param("The interface is miles ahead of what we had.", id="en-miles-ahead"),
    pytest.param("Confirmed, it's working for everyone now.", id="en-fix-confirmed"),
    pytest.param("Omg it works.", id="en-it-works"),
    pytest.param("Average handle time went from eleven minutes to seven.", id="en-metric-improved"),
    pytest.param("Tom keeps showing it off to the other teams.", id="en-showing-it-off"),
    pytest.param("We want to roll this out to the wholesale team.", id="en-roll-this-out"),
    pytest.param("We got the green light from the board.", id="en-green-light"),
    pytest.param("We're going ahead with the annual plan.", id="en-going-ahead"),
    pytest.param("Let's proceed with the order.", id="en-lets-proceed"),
    pytest.param("Everyone's on board with the switch.", id="en-on-board"),
    pytest.param("We're all set to sign next week.", id="en-all-set-to-sign"),
    pytest.param("We hit our targets for the quarter.", id="en-hit-targets"),
    pytest.param("Response times are down by half.", id="en-metric-down-by"),
    pytest.param("That did the trick, thanks!", id="en-did-the-trick"),
    pytest.param("We renewed for another year.", id="en-renewed"),
    pytest.param("确定了，加十个账号。", id="zh-add-n-seats"),
    pytest.param("预算批了。", id="zh-budget-approved"),
    pytest.param("没意见，可以往下走。", id="zh-go-on"),
    pytest.param("我们决定上了。", id="zh-decided-to-buy"),
    pytest.param("合同那边法务已经过了。", id="zh-legal-passed"),
    pytest.param("我们这边确认采购了。", id="zh-purchase-confirmed"),
    pytest.param("那就按这个方案走吧。", id="zh-go-with-this-plan"),
    pytest.param("下个月开始全员推广。", id="zh-company-wide-rollout"),
    pytest.param("效果挺明显的，回复率涨了不少。", id="zh-clear-results"),
    pytest.param("Pipeline is up 40% this quarter.", id="en-metric-up"),
    pytest.param("Revenue per rep grew 15%.", id="en-revenue-grew"),
    pytest.param("NPS went from 20 to 45.", id="en-score-went-from"),
    pytest.param("Costs are down 30% since the rollout.", id="en-costs-down"),
    pytest.param("The team hit quota for the first time this year.", id="en-hit-quota"),
    pytest.param("Everyone's using it now.", id="en-everyone-using-it"),
    pytest.param("We've already added ten more seats.", id="en-added-seats-in-words"),
    pytest.param("Your team went above and beyond.", id="en-above-and-beyond"),
    pytest.param("Problem solved, thanks!", id="en-problem-solved"),
    pytest.param("现在每个月能多签好几单。", id="zh-more-deals"),
    pytest.param("用了你们的系统以后，加班少多了。", id="zh-less-overtime"),
    pytest.param("问题已经解决了，谢谢你们这么快响应。", id="zh-fast-response"),
    pytest.param("比我们以前手工统计强太多了。", id="zh-better-than-before"),
    pytest.param("主管们省了不少事。", id="zh-saved-effort"),
    pytest.param("回款周期从62天缩短到了45天。", id="zh-metric-improved"),
]

NOT_A_STANCE = [
    pytest.param("Great, I'll send an invite.", id="en-great-then-promise"),
    pytest.param("Perfect, talk then.", id="en-perfect-talk-then"),
    pytest.param("Sounds great, see you Thursday.", id="en-sounds-great-see-you"),
    pytest.param("Awesome, thanks, I'll loop in our CFO.", id="en-awesome-thanks-loop-in"),
    pytest.param("Yeah, yeah, you're good.", id="en-youre-good"),
    pytest.param("nice.", id="en-lone-nice"),
    pytest.param("Rohan, you good with that?", id="en-question-not-praise"),
    pytest.param("Hey, sorry for the slow reply, crazy week over here.", id="en-own-delay-excuse"),
    pytest.param("Appreciate that.", id="en-appreciate-that"),
    pytest.param("Looking forward to hearing from you.", id="en-closing-not-eagerness"),
    pytest.param("哎，现在不方便，我在开车。", id="zh-bad-time-to-talk"),
    pytest.param("现在方便吗？", id="zh-question-not-praise"),
    pytest.param("贵司客户成功团队：", id="zh-team-name"),
    pytest.param("加十个字段", id="zh-add-fields-not-seats"),
    pytest.param("我们把方案过了一遍，有几个问题。", id="zh-went-over-the-plan"),
    pytest.param("就按这个时间来。", id="zh-agreed-time"),
    pytest.param("请确认采购数量。", id="zh-confirm-quantity"),
    pytest.param("会议时间从三点提到了两点。", id="zh-meeting-moved"),
    pytest.param("参会的人再加两个。", id="zh-two-more-attendees"),
    pytest.param("Tuesday at 3, let me know if that works.", id="en-if-that-works"),
    pytest.param("Is it working now?", id="en-is-it-working-now"),
    pytest.param("We'll go ahead and loop in IT.", id="en-go-ahead-and"),
    pytest.param("Let's proceed to the next item.", id="en-proceed-to-next-item"),
    pytest.param("We're all set to go for Tuesday's call.", id="en-all-set-for-a-call"),
    pytest.param("We need to hit our targets this quarter.", id="en-need-to-hit-targets"),
    pytest.param("If legal signs off, we'll go ahead.", id="en-go-ahead-on-a-condition"),
    pytest.param("We'll go ahead with the other vendor.", id="en-going-ahead-with-a-rival-is-no-praise"),
    pytest.param("We don't use it, so ignore what I said about the export.", id="en-ignore-what-i-said"),
    pytest.param("Sorry, I'm in the car, so if I cut out, that's why.", id="en-call-may-cut-out"),
    pytest.param("This call may be recorded for quality and training.", id="en-recording-notice"),
    pytest.param("您好，欢迎咨询，本次会话可能会被记录以提升服务质量。", id="zh-bot-welcome"),
    pytest.param("We apologize for the inconvenience.", id="en-agent-apology"),
    pytest.param("Sorry for the inconvenience this caused.", id="en-agent-sorry-for-inconvenience"),
    pytest.param("I'm sorry to hear about the trouble with the export.", id="en-agent-sorry-to-hear"),
    pytest.param("I completely understand how frustrating this must be.", id="en-agent-empathy"),
    pytest.param("Great news: the fix is live!", id="en-agent-great-news"),
    pytest.param("Glad to hear it!", id="en-agent-glad-to-hear"),
    pytest.param("给您带来的不便，我们深表歉意。", id="zh-agent-apology"),
    pytest.param("很高兴能帮到您！", id="zh-agent-glad-to-help"),
    pytest.param("感谢您的耐心等待。", id="zh-thanks-for-patience"),
    pytest.param("Nothing to add from my side.", id="en-nothing-to-add"),
    pytest.param("Great question, let me check with the team.", id="en-great-question"),
    pytest.param("That works great for us.", id="en-that-works-for-us"),
    pytest.param("It was great chatting with you.", id="en-pleasantry"),
    pytest.param("Great, thanks for the update.", id="en-ack-left-after-thanks"),
    pytest.param("Sounds great!", id="en-sounds-great"),
    pytest.param("I'd be happy to walk you through it.", id="en-offer-to-help"),
    pytest.param("Happy Friday!", id="en-greeting"),
    pytest.param("行，那就这么定了。", id="zh-agreed-then"),
    pytest.param("很高兴认识您。", id="zh-nice-to-meet-you"),
    pytest.param("期待下周的见面。", id="zh-see-you-next-week"),
]


@pytest.mark.parametrize("sentence", REFUSALS_AND_COMPLAINTS)
def test_refusals_and_complaints_without_feeling_words_score_negative(sentence: str) -> None:
    assert score_sentence(sentence) <= -0.3


@pytest.mark.parametrize("sentence", PLAIN_POSITIVES)
def test_plain_positive_stances_score_positive(sentence: str) -> None:
    assert score_sentence(sentence) >= 0.3


@pytest.mark.parametrize("sentence", NOT_A_STANCE)
def test_acknowledgements_questions_and_excuses_are_not_a_stance(sentence: str) -> None:
    assert abs(score_sentence(sentence)) < 0.3


@pytest.mark.parametrize("sentence", [
    pytest.param("The new integration works great for us.", id="en-product-works-great"),
    pytest.param("Great, the new reports are a huge time saver.", id="en-great-then-praise"),
    pytest.param("太好了，问题终于解决了。", id="zh-great-then-resolved"),
    pytest.param("这个功能很好用，能不能推广到其他部门？", id="zh-praise-before-a-question"),
    pytest.param("The dashboards are great, can you add SSO?", id="en-praise-before-a-question"),
])
def test_praise_after_an_acknowledgement_still_counts(sentence: str) -> None:
    assert score_sentence(sentence) >= 0.3


@pytest.mark.parametrize("sentence", [
    pytest.param("We'll pass it along to the team.", id="en-pass-it-along"),
    pytest.param("It's a no-brainer for us.", id="en-no-brainer"),
    pytest.param("Then it goes to our CFO for signature.", id="en-contract-route"),
    pytest.param("We need to involve legal for the review.", id="en-legal-review"),
    pytest.param("We've used it three times this week already.", id="en-use-count"),
    pytest.param("I don't care which day works.", id="en-dont-care-which-day"),
    pytest.param("Is the offer still open?", id="en-offer-still-open"),
    pytest.param("每次都要用这个功能。", id="zh-used-every-time"),
    pytest.param("我们要换系统了，所以来咨询你们。", id="zh-prospect-switching-to-us"),
    pytest.param("有消息没有？", id="zh-any-news"),
    pytest.param("三天就出结果了。", id="zh-results-in-three-days"),
])
def test_refusal_and_complaint_words_in_process_talk_are_no_complaint(sentence: str) -> None:
    assert score_sentence(sentence) > -0.3


def test_real_appreciation_survives_the_courtesy_filter() -> None:
    assert score_sentence("Really appreciate you jumping on this so fast.") >= 0.3


def test_expecting_better_and_getting_it_is_no_complaint() -> None:
    assert score_sentence("We expected better onboarding numbers, and we got them!") > 0


def test_a_service_that_is_down_is_still_an_outage() -> None:
    assert score_sentence("The site is down again.") <= -0.3


def test_a_condition_still_keeps_a_refusal_soft() -> None:
    assert score_sentence("We can't sign until legal reviews it.") > -0.3


def test_a_customer_apology_before_a_complaint_keeps_the_complaint() -> None:
    assert score_sentence("Sorry, the export is still broken.") <= -0.3


def test_a_complaint_asked_as_a_question_stays_negative() -> None:
    assert score_sentence("Why is it still broken?") <= -0.3


REVIEW_WORDS = [
    pytest.param("Honestly it's been rough.", -1, id="en-rough"),
    pytest.param("The numbers on the dashboard are stale.", -1, id="en-stale"),
    pytest.param("We were overcharged again.", -1, id="en-overcharged"),
    pytest.param("你们这服务真是离谱。", -1, id="zh-outrageous"),
    pytest.param("客服一直在踢皮球。", -1, id="zh-passing-the-buck"),
    pytest.param("回复太敷衍了。", -1, id="zh-perfunctory"),
    pytest.param("真后悔买了这个。", -1, id="zh-regret"),
    pytest.param("这个产品真的是神器。", 1, id="zh-godsend"),
    pytest.param("五星好评！", 1, id="zh-five-stars"),
    pytest.param("没话说，服务一流。", 1, id="zh-first-class"),
]


@pytest.mark.parametrize(("sentence", "sign"), REVIEW_WORDS)
def test_review_words_the_lexicons_lacked_carry_their_sign(sentence: str, sign: int) -> None:
    assert score_sentence(sentence) * sign >= 0.3


RESOLVED = [
    pytest.param([("The export is broken again.", -0.6), ("Confirmed, it's working now.", 0.4),
                  ("Really appreciate how quickly you jumped on this.", 0.5)], "ticket", "positive",
                 id="en-ticket-fixed-then-praised"),
    pytest.param([("录音播放不了。", -0.6), ("可以了，全部能播放了。", 0.0), ("响应非常快，点个赞！", 0.7)],
                 "ticket", "positive", id="zh-ticket-fixed-then-praised"),
    pytest.param([("The import failed three times.", -1.0), ("The summaries save my managers hours.", 0.4)],
                 "chat", "mixed", id="praise-of-something-else-stays-mixed"),
    pytest.param([("The export is broken again.", -0.6), ("It works now.", 0.2), ("Love the new UI.", 0.6)],
                 "meeting", "mixed", id="not-a-ticket"),
    pytest.param([("The export is broken again.", -0.6), ("It works now.", 0.2), ("Love the new UI.", 0.6)],
                 "chat", "mixed", id="a-chat-may-join-unrelated-points"),
    pytest.param([("It works now, thanks.", 0.5), ("But billing charged us twice.", -0.6)], "ticket",
                 "mixed", id="complaint-after-the-fix-stays-mixed"),
    pytest.param([("导出失败了。", -0.6), ("可以了，谢谢。", 0.0), ("你们效率真高！", 0.6)], "chat", "mixed",
                 id="zh-ok-is-no-fix-confirmed"),
]


@pytest.mark.parametrize(("scored", "channel", "label"), RESOLVED)
def test_a_support_problem_fixed_and_then_praised_is_positive(
        scored: list[tuple[str, float]], channel: str, label: str) -> None:
    assert settle_resolved("mixed", scored, channel) == label


def test_only_a_mixed_label_is_settled() -> None:
    assert settle_resolved("negative", [("It works now, great.", 0.6)], "ticket") == "negative"
