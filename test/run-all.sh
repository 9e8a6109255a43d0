#!/usr/bin/env bash
# `npm test`: typecheck, unit and integration tests (vitest), then the end-to-end tests in
# Debian's Chromium (Playwright) against the production build, and behind Debian's nginx.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x node_modules/.bin/vitest ] || npm install

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing Debian's chromium and CJK fonts..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "Chromium is missing. Install it, then run npm test again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk" >&2
    exit 1
  fi
fi

# The proxy test (test/e2e/nginx-proxy.spec.ts) runs Debian's nginx with deploy/nginx.conf. Without
# nginx it is skipped, except with CI set, where it fails.
NGINX="${NGINX_PATH:-/usr/sbin/nginx}"
if [ ! -x "$NGINX" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "nginx is missing: installing Debian's nginx-light..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  else
    echo "nginx is missing: the proxy test will be skipped (it fails with CI set). To run it:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y nginx-light" >&2
  fi
fi

# The feed test (test/integration/atom-feeds.test.ts) validates every Atom feed with xmllint
# (Debian's libxml2-utils) against test/fixtures/atom.rng. Without it that test is skipped, except
# with CI set, where it fails.
if ! command -v xmllint >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "xmllint is missing: installing Debian's libxml2-utils..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null
  else
    echo "xmllint is missing: the feed validation test will be skipped (it fails with CI set). To run it:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y libxml2-utils" >&2
  fi
fi

echo "== typecheck"
node node_modules/typescript/bin/tsc --noEmit -p .
echo "== unit and integration tests"
node node_modules/vitest/vitest.mjs run
echo "== production build"
node node_modules/@remix-run/dev/dist/cli.js build >/dev/null
echo "== end-to-end tests in Chromium"
CHROMIUM_PATH="$CHROMIUM" NGINX_PATH="$NGINX" node node_modules/@playwright/test/cli.js test
