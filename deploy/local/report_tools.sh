#!/usr/bin/env bash
# The campaign report's rendering tests (marker report_render, in make test-integration) open the
# page in headless Chromium and read its PDF with poppler's pdftoppm and pdftotext; WeasyPrint (the
# PDF) needs Pango. Installed from Debian's packages when missing; the tests fail without them.
set -euo pipefail
command -v chromium >/dev/null && command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null \
  && ldconfig -p | grep -q libpangoft2-1.0 && exit 0
echo "installing Chromium, poppler-utils and Pango with apt-get..."
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null
