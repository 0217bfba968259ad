"""English steps in the passive and dated by a clock time alone (conversations on Monday 2026-03-02)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_rules_next_steps import steps

TODAY = date(2026, 3, 2)

PASSIVE = [
    pytest.param([("agent", "A replacement router will be shipped Thursday.")],
                 ("ship a replacement router", "rep", date(2026, 3, 5)), id="replacement-shipped"),
    pytest.param([("agent", "Next status update will be posted on this thread by 4pm.")],
                 ("post the next status update", "rep", TODAY), id="next-update-posted-by-clock-time"),
    pytest.param([("agent", "The duplicate invoice will be reissued.")],
                 ("reissue the duplicate invoice", "rep", None), id="reissued-without-a-date"),
    pytest.param([("rep", "Your prorated credit'll be applied before the 20th.")],
                 ("apply your prorated credit", "rep", date(2026, 3, 20)), id="contracted-will"),
    pytest.param([("customer", "Once the vendor form clears, a purchase order will be issued within 3 days.")],
                 ("issue a purchase order", "customer", None), id="buyer-po-counted-from-an-event"),
]


@pytest.mark.parametrize(("turns", "expected"), PASSIVE)
def test_a_future_passive_is_the_speakers_step(turns, expected):
    assert expected in steps(turns)


@pytest.mark.parametrize("turns", [
    pytest.param([("agent", "Your files will be encrypted at rest.")], id="how-the-product-works"),
    pytest.param([("agent", "You will be sent a reset link automatically.")], id="a-person-is-no-object"),
    pytest.param([("agent", "The invoice won't be reissued.")], id="negated"),
])
def test_passives_that_are_no_steps(turns):
    assert steps(turns) == []


CLOCK = [
    pytest.param([("rep", "I'll send the revised quote by 3pm.")],
                 ("send the revised quote", "rep", TODAY), id="by-3pm"),
    pytest.param([("agent", "We'll restore the mailbox before 10:30am tomorrow.")],
                 ("restore the mailbox", "rep", date(2026, 3, 3)), id="clock-time-then-day"),
    pytest.param([("customer", "I'll sign it Friday by 5 pm.")],
                 ("sign it", "customer", date(2026, 3, 6)), id="day-then-clock-time"),
]


@pytest.mark.parametrize(("turns", "expected"), CLOCK)
def test_a_clock_time_alone_is_today(turns, expected):
    assert expected in steps(turns)


def test_a_meeting_time_is_no_due_date():
    assert steps([("rep", "I'll call you at 3pm.")]) == [("call you", "rep", None)]


WANTED_STATES = [
    pytest.param([("customer", "I want the duplicate charge refunded.")],
                 ("refund the duplicate charge", "rep", None), id="want-refunded"),
    pytest.param([("customer", "We'd like the trial extended by Friday.")],
                 ("extend the trial", "rep", date(2026, 3, 6)), id="would-like-extended"),
    pytest.param([("rep", "We need those test users removed before go-live.")],
                 ("remove those test users", "customer", None), id="need-removed-from-the-customer"),
]


@pytest.mark.parametrize(("turns", "expected"), WANTED_STATES)
def test_a_wanted_state_is_the_other_sides_step(turns, expected):
    assert expected in steps(turns)


PAST_OFFERS = [
    pytest.param([("rep", "Would it be OK if I checked back in after your board meeting?"),
                  ("customer", "Sure, that works.")],
                 ("check back in after your board meeting", "rep", None), id="would-it-be-ok-if-i-checked"),
    pytest.param([("agent", "Do you mind if we followed up next Tuesday?"), ("customer", "Yes, fine.")],
                 ("follow up", "rep", date(2026, 3, 10)), id="do-you-mind-if-we-followed"),
]


@pytest.mark.parametrize(("turns", "expected"), PAST_OFFERS)
def test_an_offer_in_the_past_tense_is_a_step_once_accepted(turns, expected):
    assert expected in steps(turns)


@pytest.mark.parametrize(("turns", "expected"), [
    pytest.param([("customer", "We're planning to sign the order form by the 15th.")],
                 [("sign the order form", "customer", date(2026, 3, 15))], id="planning-to-with-a-date"),
    pytest.param([("customer", "We expect to pay the invoice on Friday.")],
                 [("pay the invoice", "customer", date(2026, 3, 6))], id="expect-to-with-a-date"),
    pytest.param([("customer", "We're planning to migrate at some point.")], [], id="planning-without-a-date"),
])
def test_a_dated_intention_is_a_commitment(turns, expected):
    assert steps(turns) == expected


@pytest.mark.parametrize(("turns", "expected"), [
    pytest.param([("rep", "I'll take this to our pricing committee and come back with numbers by Thursday.")],
                 [("come back with numbers", "rep", date(2026, 3, 5))], id="take-to-then-come-back"),
    pytest.param([("agent", "We'll go back to the product team and send you an answer tomorrow.")],
                 [("send you an answer", "rep", date(2026, 3, 3))], id="go-back-then-send"),
])
def test_a_promise_whose_first_verb_is_no_step_keeps_its_second(turns, expected):
    assert steps(turns) == expected


def test_a_reported_offer_is_the_named_persons_step():
    assert steps([("rep", "Dana from our team offered to send the pricing sheet on Monday.")]) == [
        ("send the pricing sheet", "rep", date(2026, 3, 9))]


def test_a_partner_named_beside_an_owner_works_for_the_owners_side():
    from tests.extractors.test_rules_next_steps_en_turns import steps_in

    text = ("Thanks all. Minutes below.\n\nAttendees: Mark Ruiz, Ana Lee (Brixton); Sam Cole (Tillpoint)\n\n"
            "Action items\n- Tillpoint (Sam): send the rollout plan - by Friday\n"
            "- Brixton (Ana): share the store floor plans - by Friday\n"
            "- Brixton IT / Northgate (their network partner): open the firewall ports - next week\n\n"
            "Best regards\nSam Cole\nCustomer Success Lead, Tillpoint\n")
    found = {action: owner for action, owner, _ in steps_in(text, "email")}
    assert found["open the firewall ports"] == found["share the store floor plans"] != found["send the rollout plan"]
