#!/usr/bin/env bash
# The command-line tool as a user installs it: packs the repository into the local feed, installs
# Insights.Contracts.Cli from there into a temporary tool path with an empty package cache (so
# nothing from an earlier build or install can stand in for it), and runs the installed command.
# Exits non-zero on the first behaviour that is not as documented in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
feed="$root/artifacts/packages"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(dotnet msbuild src/Cli -getProperty:Version -nologo)
dotnet pack Insights.Contracts.Packages.slnf -c Release -o "$feed" --nologo -v quiet
NUGET_PACKAGES="$work/packages" dotnet tool install Insights.Contracts.Cli --version "$version" \
  --tool-path "$work/tools" --add-source "$feed"
tool="$work/tools/insights-contracts"

fail() { echo "tool-check: $*" >&2; exit 1; }

# expect EXIT_CODE COMMAND...: runs the installed tool, keeps its stdout in $out and stderr in $err.
expect() {
  local want=$1; shift
  local got=0
  "$tool" "$@" >"$work/out" 2>"$work/err" <"${stdin:-/dev/null}" || got=$?
  out=$(cat "$work/out"); err=$(cat "$work/err")
  [ "$got" -eq "$want" ] || fail "'insights-contracts $*' exited $got, expected $want; stdout: $out; stderr: $err"
  echo "ok   insights-contracts $* (exit $got)"
}

expect 0 --version
[[ "$out" == "$version" || "$out" == "$version+"* ]] || fail "--version printed '$out', expected $version"

expect 0 --help
[[ "$out" == *"Usage:"* && -z "$err" ]] || fail "--help must print usage on stdout only"

expect 0 validate request schema/examples/request-all-accounts.json schema/examples/request-given-accounts.json
[ "$out" = $'schema/examples/request-all-accounts.json: valid\nschema/examples/request-given-accounts.json: valid' ] || fail "unexpected output: $out"

expect 1 validate request schema/examples/invalid/request-bad-dates.json
[ "$out" = "schema/examples/invalid/request-bad-dates.json: /from_date: '2023-02-29' is not a valid calendar date: February 2023 has 28 days, so day 29 does not exist [format]
schema/examples/invalid/request-bad-dates.json: /to_date: '2024-1-05' is not an ISO 8601 date (YYYY-MM-DD) [format]" ] || fail "unexpected output: $out"

stdin=schema/examples/response-finished.json expect 0 validate response -
[ "$out" = "(stdin): valid" ] || fail "unexpected output: $out"

expect 1 validate response --format json schema/examples/invalid/response-truncated.json
[[ "$out" == "["*'"status": "invalid"'*'"keyword": "syntax"'*"]" ]] || fail "unexpected JSON: $out"

# Any schema, from the installed tool: the generator and the compiler it loads must have been packed.
INSIGHTS_CONTRACTS_CACHE="$work/schema-cache" expect 1 validate --schema schema/insights-flow-response.schema.json schema/examples/response-finished.json schema/examples/invalid/response-truncated.json
[[ "$out" == "schema/examples/response-finished.json: valid"*"response-truncated.json: "*"[syntax]"* ]] || fail "unexpected --schema output: $out"

expect 2 validatee request x.json
[[ -z "$out" && "$err" == *"'validatee'"* ]] || fail "an unknown command must be named on stderr"

echo "tool-check: the tool installed from the local feed works"
