#!/usr/bin/env bash
# Proves the packages work the way a user meets them: packs the repository into a local feed,
# restores samples/Consumer from that feed by PackageReference into an empty package folder,
# checks the analyzer package's layout, then builds and runs the consumer (which exits non-zero
# if any of its checks fails).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
feed="$root/artifacts/packages"
cache="$root/artifacts/consumer-packages"
rm -rf "$feed" "$cache"

# The packing command of the README's install steps: every package of the repository.
dotnet pack Insights.Contracts.Packages.slnf -c Release -o "$feed" --nologo -v quiet

export NUGET_PACKAGES="$cache"   # a clean package cache: nothing cached from earlier builds
dotnet restore samples/Consumer --nologo -v quiet

analyzer="$cache/insights.contracts.generator/0.1.0"
test -f "$analyzer/analyzers/dotnet/cs/Insights.Contracts.Generator.dll" || { echo "analyzer DLL missing from the package" >&2; exit 1; }
test ! -e "$analyzer/lib" || { echo "the analyzer package must not put anything under lib/" >&2; exit 1; }
test -f "$cache/insights.contracts.runtime/0.1.0/lib/net10.0/Insights.Contracts.Runtime.dll" || { echo "runtime package not restored as a dependency" >&2; exit 1; }

dotnet build samples/Consumer --no-restore -c Release --nologo -v quiet
dotnet run --project samples/Consumer --no-build -c Release
