#!/usr/bin/env bash
# Proves the packages work the way a user meets them: packs the repository into a local feed,
# restores samples/Consumer from that feed by PackageReference into an empty package folder,
# checks the analyzer package's layout, then builds and runs the consumer and the web consumer
# (each exits non-zero if any of its checks fails).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
feed="$root/artifacts/packages"
cache="$root/artifacts/consumer-packages"
rm -rf "$feed" "$cache"

dotnet pack src/Generator -c Release -o "$feed" --nologo -v quiet
dotnet pack src/Runtime -c Release -o "$feed" --nologo -v quiet
dotnet pack src/Contracts -c Release -o "$feed" --nologo -v quiet
dotnet pack src/AspNetCore -c Release -o "$feed" --nologo -v quiet

export NUGET_PACKAGES="$cache"   # a clean package cache: nothing cached from earlier builds
dotnet restore samples/Consumer --nologo -v quiet
dotnet restore samples/ConsumerWeb --nologo -v quiet

analyzer="$cache/insights.contracts.generator/0.1.0"
test -f "$analyzer/analyzers/dotnet/cs/Insights.Contracts.Generator.dll" || { echo "analyzer DLL missing from the package" >&2; exit 1; }
test ! -e "$analyzer/lib" || { echo "the analyzer package must not put anything under lib/" >&2; exit 1; }
test -f "$cache/insights.contracts.runtime/0.1.0/lib/net10.0/Insights.Contracts.Runtime.dll" || { echo "runtime package not restored as a dependency" >&2; exit 1; }

web="$cache/insights.contracts.aspnetcore/0.1.0"
test -f "$web/lib/net10.0/Insights.Contracts.AspNetCore.dll" || { echo "AspNetCore package not restored" >&2; exit 1; }
test -f "$web/buildTransitive/Insights.Contracts.AspNetCore.props" || { echo "AspNetCore package lacks its buildTransitive props" >&2; exit 1; }

dotnet build samples/Consumer --no-restore -c Release --nologo -v quiet
dotnet run --project samples/Consumer --no-build -c Release

# The web service user: AddJsonContracts, a contract body on 127.0.0.1, problem details, OpenAPI.
dotnet build samples/ConsumerWeb --no-restore -c Release --nologo -v quiet
dotnet run --project samples/ConsumerWeb --no-build -c Release
