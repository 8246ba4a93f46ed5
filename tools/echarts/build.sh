#!/usr/bin/env bash
# Rebuilds the ECharts bundle the platform serves
# (internal/web/static/vendor/echarts/echarts.custom.min.js) from the npm
# package, with only the charts and components entry.js names: half the
# size of the full build, which made the dashboard slow on a phone.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --legal-comments=none \
  --outfile=../../internal/web/static/vendor/echarts/echarts.custom.min.js
