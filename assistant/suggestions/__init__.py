"""Follow-up suggestions: which follow-ups are worth most, and when to make them.

`refresh_suggestions` is the pipeline's `suggest` stage; `list_suggestions` and
`record_feedback` serve the CLI and the API. See `service.py` for the flow, `policy.py` for the
per-tenant rules file, `timing.py` for the learned reply windows.
"""

from assistant.suggestions.policy import SuggestionPolicy, load_policy
from assistant.suggestions.service import (
    list_suggestions,
    record_feedback,
    refresh_suggestions,
    set_do_not_contact,
)

__all__ = ["SuggestionPolicy", "list_suggestions", "load_policy", "record_feedback",
           "refresh_suggestions", "set_do_not_contact"]
