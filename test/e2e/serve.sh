#!/usr/bin/env bash
# Serves the production build on a fresh database with the embedded dataset, for Playwright.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-3210}"
export DATABASE_PATH="test/.tmp/e2e-${PORT}.sqlite"
mkdir -p test/.tmp
rm -f "$DATABASE_PATH" "$DATABASE_PATH-wal" "$DATABASE_PATH-shm" "$DATABASE_PATH.chain-head" "$DATABASE_PATH.chain-check"
node node_modules/tsx/dist/cli.mjs scripts/migrate.server.ts >/dev/null
node node_modules/tsx/dist/cli.mjs scripts/seed/run.server.ts >/dev/null
[ -f build/index.js ] || node node_modules/@remix-run/dev/dist/cli.js build >/dev/null
# The e2e tests move the register's clock by writing this file (registry/shared/clock.server.ts).
export REGISTER_CLOCK_FILE="test/.tmp/e2e-${PORT}.clock" REGISTER_ALLOW_TEST_CLOCK=1
rm -f "$REGISTER_CLOCK_FILE"
# Mail goes to the local SMTP server test/e2e/notifications.spec.ts runs on E2E_SMTP_PORT; while
# none listens (every other spec), sending fails and is retried, and no action fails.
export SMTP_URL="smtp://127.0.0.1:${E2E_SMTP_PORT:-2526}" SITE_URL="http://127.0.0.1:${PORT}"
export NODE_ENV=production PORT
exec node server.mjs
