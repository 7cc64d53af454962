#!/usr/bin/env bash
# NativeAOT for real: publishes samples/Consumer (the generated contracts, from the packed packages)
# and samples/ConsumerWeb (a minimal API service on Insights.Contracts.AspNetCore: body binding,
# problem details, OpenAPI) with PublishAot=true and runs each native binary, which exits non-zero
# if any of its checks fails. The samples treat warnings as errors, so a trimming or AOT warning in
# generated code or in the packages fails too.
# Installs the native toolchain NativeAOT needs on Linux (clang, zlib headers) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
feed="$root/artifacts/packages"
# A package folder of its own, kept between runs for the large ILCompiler package, but never with
# an earlier build of this repository's packages in it.
cache="$root/artifacts/aot-packages"

if ! command -v clang >/dev/null || [ ! -f /usr/include/zlib.h ]; then
  echo "aot-check: installing the NativeAOT toolchain (Debian packages clang, zlib1g-dev)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "aot-check: clang and zlib1g-dev are needed; install them as root" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends clang zlib1g-dev >/dev/null
fi

version=$(dotnet msbuild src/Runtime -getProperty:Version -nologo)
export InsightsContractsVersion="$version"
dotnet pack Insights.Contracts.Packages.slnf -c Release -o "$feed" --nologo -v quiet
rm -rf "$cache"/insights.contracts*

# One pack and one package folder for both samples.
for sample in Consumer ConsumerWeb; do
  out="$root/artifacts/aot/$sample"
  rm -rf "$out"
  started=$SECONDS
  NUGET_PACKAGES="$cache" dotnet publish "samples/$sample" -c Release --use-current-runtime -p:PublishAot=true -o "$out" --nologo -v quiet

  binary="$out/$sample"
  [ -x "$binary" ] || { echo "aot-check: no native binary at $binary" >&2; exit 1; }
  [ ! -e "$out/$sample.dll" ] || { echo "aot-check: the publish is not native ($sample.dll next to the binary)" >&2; exit 1; }
  "$binary"
  echo "aot-check: the NativeAOT $sample ($(du -k "$binary" | cut -f1) KiB) passed every check (published and run in $((SECONDS - started)) s)"
done
