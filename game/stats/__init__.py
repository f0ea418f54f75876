"""Anonymous play statistics: recorded by the game, read by the operator menu and ``stats report``.

One SQLite database (``user_data_dir()/stats.sqlite3`` unless a path is given).
Nothing personal is kept: no names, no class names, no free text.
"""

from .db import DB_FILE, StatsError, default_db_path, open_for_reading
from .queries import Filter, summary
from .recorder import ChoiceRecord, StatsRecorder

__all__ = ["DB_FILE", "StatsError", "default_db_path", "open_for_reading", "Filter", "summary",
           "ChoiceRecord", "StatsRecorder"]
