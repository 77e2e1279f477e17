#!/usr/bin/env bash
# Puts axe-core (Deque's accessibility rules engine, axe.min.js) where Tests/Browser/accessibility.py
# and the browser tests look for it: $S11_AXE_JS when set, else ~/.cache/s11/axe.min.js. Outside git:
# it is not s11's code. It ships inside PyPI's axe-playwright-python wheel, pinned here so that a new
# axe release (with new rules) changes CI's results only when this line does. Does nothing when present.
set -euo pipefail

wheel_version=0.1.8                               # axe-core 4.12.1
target=${S11_AXE_JS:-$HOME/.cache/s11/axe.min.js}
[ -s "$target" ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download -q --no-deps "axe-playwright-python==$wheel_version" -d "$work" \
  || { echo "error: cannot download axe-playwright-python $wheel_version with pip, which holds axe.min.js" >&2; exit 1; }
mkdir -p "$(dirname "$target")"
python3 - "$work" "$target.part" <<'PY'
import glob, sys, zipfile
wheel = zipfile.ZipFile(glob.glob(sys.argv[1] + "/*.whl")[0])
name = next(n for n in wheel.namelist() if n.endswith("/axe.min.js"))
data = wheel.read(name)
assert data.startswith(b"/*! axe v4."), "not axe-core 4: " + repr(data[:40])
open(sys.argv[2], "wb").write(data)
PY
mv "$target.part" "$target"
echo "axe-core $(head -c 40 "$target" | sed -n 's/.*axe v\([0-9.]*\).*/\1/p') at $target"
