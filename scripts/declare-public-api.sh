#!/usr/bin/env bash
# Declares the public API a build reports as undeclared (RS0016): builds the given projects (default:
# every packable project) and appends each symbol the analyzer names to the project's
# PublicAPI.Unshipped.txt, sorted. Review the diff before committing: each line is a promise to users.
# Removed or changed symbols (RS0017) are not handled: delete their lines by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/Runtime src/Contracts src/AspNetCore src/Cli src/Generator)
for project in "${projects[@]}"; do
  unshipped="$project/PublicAPI.Unshipped.txt"
  symbols=$(dotnet build "$project" --no-incremental 2>&1 \
    | grep -F "[$(cd "$project" && pwd)/" \
    | sed -nE "s/.*error RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/p" | sort -u || true)
  [ -n "$symbols" ] || { echo "$project: nothing to declare"; continue; }
  { grep -v '^#nullable' "$unshipped" || true; printf '%s\n' "$symbols"; } | sort -u > "$unshipped.tmp"
  { echo '#nullable enable'; cat "$unshipped.tmp"; } > "$unshipped"
  rm "$unshipped.tmp"
  echo "$project: declared $(printf '%s\n' "$symbols" | wc -l) symbols in $unshipped"
done
