"""Pre-call briefings: who the customer is, what happened, what is owed, what to say.

`build_briefing(db, tenant_id=..., account_id=..., agenda=...)` is extractive: every line cites
the touchpoints and quotes it rests on (or the structured field it comes from). Headings and
generated phrases follow the language the account's conversations are held in.
"""

from assistant.briefing.build import Briefing, build_briefing

__all__ = ["Briefing", "build_briefing"]
