#!/usr/bin/env bash
# Generated-size benchmark (issue 18): for one large API-style schema, how much C# each generator
# writes and what it costs to build a class library holding it.
#
#   bash bench/generated-size.sh [runs]        # runs: timed builds per library with the compiler server (default 5)
#   NO_SERVER_RUNS=3 bash bench/generated-size.sh
#
# Three class libraries (bench/generated-size/), built in the same run:
#   (1) Ours        this project's generator over bench/schemas/banking-api.schema.json (a JsonSchema item)
#   (2) NJsonSchema the DTO classes NJsonSchema.CodeGeneration.CSharp 11.6.2 writes from the same schema,
#                   generated now by bench/Insights.Contracts.Benchmarks (--write-njsonschema-dtos)
#   (3) Empty       an empty class library, the floor
# Each timed build is `dotnet build --no-restore` after touching one file of that library, so the
# compiler runs again (checked: the library's obj/ DLL must be rewritten); the three libraries take
# turns within each round (interleaved, the order rotating), and each figure is the median of the
# rounds. First with the compiler server warm, then with -p:UseSharedCompilation=false (a new
# compiler process per build, as on a CI agent without the server). Elapsed time is /usr/bin/time's.
# Build times on a shared machine are noisy: read the increments and ratios, which the run prints,
# against the load average it prints too. Debug configuration, the default of `dotnet build`.
# Needs only the .NET SDK, /usr/bin/time and coreutils.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 LC_ALL=C.UTF-8

RUNS=${1:-5}
NO_SERVER_RUNS=${NO_SERVER_RUNS:-3}
SCHEMA=bench/schemas/banking-api.schema.json
PROJECTS=(Empty NJsonSchema Ours)
OUT=artifacts/generated-size
GENERATED=$OUT/ours-generated
NJ_FILE=$OUT/njsonschema/BankingApi.cs
mkdir -p "$OUT"
rm -rf "$GENERATED" "$OUT/njsonschema" "$OUT"/times-*.txt

load() { cut -d' ' -f1-3 /proc/loadavg; }
project_dir() { echo "bench/generated-size/$1"; }
dll() { echo "$(project_dir "$1")/bin/Debug/net10.0/GeneratedSize.$1.dll"; }
obj_dll() { echo "$(project_dir "$1")/obj/Debug/net10.0/GeneratedSize.$1.dll"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
quiet_build() { dotnet build "$@" -nologo -v:q -clp:ErrorsOnly >"$OUT/last-build.log" 2>&1 || { cat "$OUT/last-build.log" >&2; echo "build failed: dotnet build $*" >&2; exit 1; }; }

echo "== generated-size benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' (with uncommitted changes)')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), .NET SDK $(dotnet --version)"
echo "schema: $SCHEMA ($(grep -c '' "$SCHEMA") lines, $(wc -m <"$SCHEMA") characters)"
echo "load average at start: $(load)"

echo "== preparing (not timed): the generator, the runtime, the NJsonSchema DTOs, a first build of each library"
quiet_build src/Generator -c Release
quiet_build src/Runtime -c Release
quiet_build bench/Insights.Contracts.Benchmarks -c Release
dotnet bench/Insights.Contracts.Benchmarks/bin/Release/net10.0/Insights.Contracts.Benchmarks.dll \
  --write-njsonschema-dtos "$SCHEMA" "$NJ_FILE" GeneratedSize.NJsonSchema >/dev/null
# Ours once with its generated files written out (to count them) and an error log (to list the
# generator's diagnostics, Info ones included); the timed builds below write neither.
quiet_build "$(project_dir Ours)" -p:EmitCompilerGeneratedFiles=true "-p:CompilerGeneratedFilesOutputPath=$PWD/$GENERATED" "-p:ErrorLog=$PWD/$OUT/ours.sarif"
for project in "${PROJECTS[@]}"; do quiet_build "$(project_dir "$project")"; done

mapfile -t ours_files < <(find "$GENERATED" -name '*.g.cs' | sort)
ours_lines=$(cat "${ours_files[@]}" | wc -l)
ours_chars=$(cat "${ours_files[@]}" | wc -m)
nj_lines=$(wc -l <"$NJ_FILE")
nj_chars=$(wc -m <"$NJ_FILE")
nj_types=$(grep -cE '^    public (partial class|enum) ' "$NJ_FILE" || true)
diagnostics=$(grep -oE '"ruleId": *"ICG[0-9]+"' "$OUT/ours.sarif" | grep -oE 'ICG[0-9]+' | sort | uniq -c | awk '{ printf "%s%s x%s", sep, $2, $1; sep = ", " }' || true)
echo "generator diagnostics over the schema: ${diagnostics:-none}"

# One timed build: touch the library's file, build, check that the compiler really ran.
timed_build() { # project, label, extra args...
  local project=$1 label=$2; shift 2
  local dir marker; dir=$(project_dir "$project"); marker="$OUT/touched.marker"
  touch "$marker"; sleep 0.01; touch "$dir/Touched.cs"
  /usr/bin/time -f '%e' -o "$OUT/time.tmp" dotnet build "$dir" --no-restore -nologo -v:q -clp:ErrorsOnly "$@" >"$OUT/last-build.log" 2>&1 \
    || { cat "$OUT/last-build.log" >&2; echo "timed build failed: $project" >&2; exit 1; }
  [ "$(obj_dll "$project")" -nt "$marker" ] || { echo "the compiler did not run for $project: the timing would be of a no-op" >&2; exit 1; }
  cat "$OUT/time.tmp" >>"$OUT/times-$label-$project.txt"
}

rounds() { # label, count, extra args...
  local label=$1 count=$2; shift 2
  echo "== $label: $count rounds, load average before: $(load)"
  for ((round = 0; round < count; round++)); do
    local line="round $((round + 1)):"
    for ((k = 0; k < ${#PROJECTS[@]}; k++)); do
      local project=${PROJECTS[$(((k + round) % ${#PROJECTS[@]}))]}
      timed_build "$project" "$label" "$@"
      line+=" $project $(tail -n1 "$OUT/times-$label-$project.txt") s;"
    done
    echo "$line load $(load)"
  done
}

# Warm the compiler server and the MSBuild nodes with one untimed build of each.
for project in "${PROJECTS[@]}"; do touch "$(project_dir "$project")/Touched.cs"; quiet_build "$(project_dir "$project")" --no-restore; done
rounds server "$RUNS"
rounds no-server "$NO_SERVER_RUNS" -p:UseSharedCompilation=false
echo "load average at end: $(load)"

m() { median <"$OUT/times-$1-$2.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
size() { stat -c %s "$(dll "$1")"; }

es=$(m server Empty); ns=$(m server NJsonSchema); os=$(m server Ours)
ec=$(m no-server Empty); nc=$(m no-server NJsonSchema); oc=$(m no-server Ours)
ns_inc=$(minus "$ns" "$es"); os_inc=$(minus "$os" "$es")
nc_inc=$(minus "$nc" "$ec"); oc_inc=$(minus "$oc" "$ec")

echo
echo "| library | types | generated lines | generated characters | DLL bytes | build, server warm (median of $RUNS) | increment over empty | build, no server (median of $NO_SERVER_RUNS) | increment over empty |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| (1) Insights.Contracts generator | ${#ours_files[@]} files | $ours_lines | $ours_chars | $(size Ours) | $os s | $os_inc s | $oc s | $oc_inc s |"
echo "| (2) NJsonSchema 11.6.2 DTOs | $nj_types | $nj_lines | $nj_chars | $(size NJsonSchema) | $ns s | $ns_inc s | $nc s | $nc_inc s |"
echo "| (3) empty class library | | | | $(size Empty) | $es s | | $ec s | |"
echo
echo "ours / NJsonSchema: lines $(ratio "$ours_lines" "$nj_lines")x, characters $(ratio "$ours_chars" "$nj_chars")x, DLL $(ratio "$(size Ours)" "$(size NJsonSchema)")x,"
echo "  build increment over empty $(ratio "$os_inc" "$ns_inc")x with the server, $(ratio "$oc_inc" "$nc_inc")x without;"
echo "  whole build $(ratio "$os" "$ns")x with the server, $(ratio "$oc" "$nc")x without."
echo "issue 18 is done when lines and characters are at most 1.00x and the increment with the server at most 1.50x."
