#!/usr/bin/env bash
# Install what the county statistics tests need when it is missing: Debian's PostgreSQL server
# (tests start their own throw-away cluster, never the system one), Chromium (the dashboard
# screenshot) and chromium-driver (Selenium drives it as three phones through the voting page).
# Safe to run again. Called from .ci/run before pytest.
set -euo pipefail
need=()
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    need+=(postgresql)
fi
if ! command -v chromium >/dev/null 2>&1; then
    need+=(chromium)
fi
if ! command -v chromedriver >/dev/null 2>&1; then
    need+=(chromium-driver)
fi
if [ ${#need[@]} -gt 0 ]; then
    echo "postgres.sh: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-noto-cjk >/dev/null
fi
# Debian's package starts a system cluster; the tests do not use it.
if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters -h 2>/dev/null | while read -r version name _; do
        pg_ctlcluster "$version" "$name" stop 2>/dev/null || true
    done
fi
echo "postgres.sh: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1) · $(chromium --version 2>/dev/null || echo 'no chromium') · $(chromedriver --version 2>/dev/null || echo 'no chromedriver')"
