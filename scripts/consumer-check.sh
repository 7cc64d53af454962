#!/usr/bin/env bash
# Proves the packages work the way a user meets them: packs the repository into a local feed,
# restores samples/Consumer from that feed by PackageReference into an empty package folder,
# checks the analyzer package's layout, then builds and runs the consumer and the web consumer
# (each exits non-zero if any of its checks fails); last, builds a copy for net8.0, which must stop at ICG100.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
feed="$root/artifacts/packages"
cache="$root/artifacts/consumer-packages"
rm -rf "$feed" "$cache"
version=$(dotnet msbuild src/Runtime -getProperty:Version -nologo)
export InsightsContractsVersion="$version"   # the package version samples/Consumer references (MSBuild reads it from the environment)

# The packing command of the README's install steps: every package of the repository.
dotnet pack Insights.Contracts.Packages.slnf -c Release -o "$feed" --nologo -v quiet

export NUGET_PACKAGES="$cache"   # a clean package cache: nothing cached from earlier builds
dotnet restore samples/Consumer --nologo -v quiet
dotnet restore samples/ConsumerWeb --nologo -v quiet

analyzer="$cache/insights.contracts.generator/$version"
test -f "$analyzer/analyzers/dotnet/cs/Insights.Contracts.Generator.dll" || { echo "analyzer DLL missing from the package" >&2; exit 1; }
test ! -e "$analyzer/lib" || { echo "the analyzer package must not put anything under lib/" >&2; exit 1; }
test -f "$cache/insights.contracts.runtime/$version/lib/net10.0/Insights.Contracts.Runtime.dll" || { echo "runtime package not restored as a dependency" >&2; exit 1; }
# The generator embeds the JSON Schema metaschemas, the runtime a table from the Unicode data: their notices ship too.
for package in "$analyzer" "$cache/insights.contracts.runtime/$version"; do
  grep -q "JSON Schema Specification Authors" "$package/THIRD-PARTY-NOTICES.txt" || { echo "$package lacks THIRD-PARTY-NOTICES.txt" >&2; exit 1; }
done

web="$cache/insights.contracts.aspnetcore/$version"
test -f "$web/lib/net10.0/Insights.Contracts.AspNetCore.dll" || { echo "AspNetCore package not restored" >&2; exit 1; }
test -f "$web/buildTransitive/Insights.Contracts.AspNetCore.props" || { echo "AspNetCore package lacks its buildTransitive props" >&2; exit 1; }

dotnet build samples/Consumer --no-restore -c Release --nologo -v quiet
dotnet run --project samples/Consumer --no-build -c Release

# The web service user: AddJsonContracts, a contract body on 127.0.0.1, problem details, OpenAPI.
dotnet build samples/ConsumerWeb --no-restore -c Release --nologo -v quiet
dotnet run --project samples/ConsumerWeb --no-build -c Release

# EmitCompilerGeneratedFiles=true on the project just built writes the generated code (it used to
# need --no-incremental), and a build after that is up to date again instead of recompiling each time.
generated=samples/Consumer/obj/Release/net10.0/generated/Insights.Contracts.Generator
rm -rf "$generated"
dotnet build samples/Consumer --no-restore -c Release --nologo -v quiet -p:EmitCompilerGeneratedFiles=true
ls "$generated"/*/order.Order.g.cs >/dev/null || { echo "EmitCompilerGeneratedFiles=true on a built project wrote nothing" >&2; exit 1; }
grep -qF "GeneratedCode(\"Insights.Contracts.Generator\", \"$version\")" "$generated"/*/order.Order.g.cs || { echo "[GeneratedCode] does not name the package version $version" >&2; exit 1; }
marker=$(mktemp)
sleep 1
dotnet build samples/Consumer --no-restore -c Release --nologo -v quiet -p:EmitCompilerGeneratedFiles=true
[ ! samples/Consumer/obj/Release/net10.0/Consumer.dll -nt "$marker" ] || { echo "an unchanged project with EmitCompilerGeneratedFiles=true recompiled" >&2; exit 1; }
rm -f "$marker"
echo "ok   EmitCompilerGeneratedFiles=true writes the generated files of a built project"

# The same package in a project on a framework the runtime is not built for: the build must stop at
# ICG100 (which says what to change), never reach the compiler's CS0400 in generated files.
older=$(mktemp -d)
trap 'rm -rf "$older"' EXIT
cp -r samples/Consumer/Consumer.csproj samples/Consumer/Program.cs samples/Consumer/schemas "$older/"
# A user's project stands alone: no Directory.Build.props of a folder above it applies.
echo '<Project />' >"$older/Directory.Build.props"
echo '<Project />' >"$older/Directory.Packages.props"
printf '<configuration><packageSources><add key="local" value="%s" /></packageSources></configuration>\n' "$feed" >"$older/NuGet.config"
if dotnet build "$older" -p:TargetFramework=net8.0 --nologo -v quiet >"$older/build.log" 2>&1; then
  echo "a net8.0 consumer built, but the runtime is net10.0 only" >&2; exit 1
fi
grep -q "error ICG100" "$older/build.log" || { cat "$older/build.log" >&2; echo "a net8.0 consumer did not get ICG100" >&2; exit 1; }
! grep -q "error CS" "$older/build.log" || { cat "$older/build.log" >&2; echo "a net8.0 consumer reached the compiler" >&2; exit 1; }
echo "ok   a net8.0 consumer stops at ICG100, before the compiler"
