#!/usr/bin/env bash
# Accepts snapshot changes: moves every *.received.cs over its *.verified.cs. Review the diff
# (git diff) before committing; a snapshot is the generated code a user will compile.
set -euo pipefail
cd "$(dirname "$0")/.."
found=0
while IFS= read -r -d '' received; do
  mv -- "$received" "${received%.received.cs}.verified.cs"
  echo "accepted ${received%.received.cs}.verified.cs"
  found=1
done < <(find tests -name '*.received.cs' -print0)
[ "$found" = 1 ] || echo "no received snapshots to accept"
