"""Anonymous play statistics: recorded by the game, read by the operator menu and ``stats report``.

One SQLite database per machine (``user_data_dir()/stats.sqlite3`` unless a path is given),
synced to the county's PostgreSQL when configured (sync.py). The figures are defined in
docs/statistics.md and facts.py, and read through queries.py only.
Nothing personal is kept: no names, no class names, no free text.
"""

from .db import DB_FILE, StatsError, default_db_path, open_for_reading
from .queries import Filter, summary
from .recorder import ChoiceRecord, StatsRecorder
from .site import SiteInfo, load_site, save_site

__all__ = ["DB_FILE", "StatsError", "default_db_path", "open_for_reading", "Filter", "summary",
           "ChoiceRecord", "StatsRecorder", "SiteInfo", "load_site", "save_site"]
