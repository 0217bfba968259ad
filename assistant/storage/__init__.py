# Row modules beyond rows.py register their tables on the shared metadata when imported.
from assistant.storage import api_rows as api_rows  # noqa: E402
