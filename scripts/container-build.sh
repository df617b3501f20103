#!/bin/sh
# The container's build steps, kept here so the Dockerfile RUNs exactly what test/prod/container-build.test.ts runs
# in a temp copy (Docker cannot build on the development machine). Run from the app folder holding package.json.
#   container-build.sh build   install with dev tools, compile to dist/, then drop the dev dependencies
#   container-build.sh check   what the image must be able to do with production dependencies only
set -eu
step="${1:-build}"
case "$step" in
  build)
    # npm ci's prepare step compiles dist/ while TypeScript is installed (scripts/prepare.mjs).
    npm ci --no-audit --no-fund --prefer-offline
    test -f dist/main.js || npm run build
    npm prune --omit=dev --no-audit --no-fund
    ;;
  check)
    # No dev dependency may be left, and the compiled bot must answer from the shipped pack.
    if [ -e node_modules/typescript ] || [ -e node_modules/tsx ] || [ -e node_modules/vitest ]; then
      echo "container-build: dev dependencies are still installed" >&2
      exit 1
    fi
    test -f dist/main.js
    test -f dist/content/wga-2023/dispute.yaml
    npm run --silent cli -- status > /dev/null
    ;;
  *)
    echo "usage: container-build.sh build|check" >&2
    exit 2
    ;;
esac
