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

# A Debian package a test needs: installed when running as root with apt, else the test is skipped
# (except with CI set, where it fails) and this says how to install it.
#   need_package <present?> <package> <what is skipped>
need_package() {
  if [ "$1" = "yes" ]; then return; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "$2 is missing: installing it from Debian..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    echo "$2 is missing: $3 will be skipped (it fails with CI set). To run it:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $2" >&2
  fi
}
# The proxy test (test/e2e/nginx-proxy.spec.ts) runs Debian's nginx with deploy/nginx.conf.
NGINX="${NGINX_PATH:-/usr/sbin/nginx}"
need_package "$([ -x "$NGINX" ] && echo yes)" nginx-light "the proxy test"

# The feed test (test/integration/atom-feeds.test.ts) validates every Atom feed with xmllint
# (Debian's libxml2-utils) against test/fixtures/atom.rng.
need_package "$(command -v xmllint >/dev/null && echo yes)" libxml2-utils "the feed validation test"

echo "== typecheck"
node node_modules/typescript/bin/tsc --noEmit -p .
echo "== unit and integration tests"
node node_modules/vitest/vitest.mjs run
echo "== production build"
node node_modules/@remix-run/dev/dist/cli.js build >/dev/null
echo "== end-to-end tests in Chromium"
CHROMIUM_PATH="$CHROMIUM" NGINX_PATH="$NGINX" node node_modules/@playwright/test/cli.js test
