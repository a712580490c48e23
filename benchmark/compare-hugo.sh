#!/usr/bin/env bash
# Renders the same generated corpus with Hugo (minimal templates, benchmark/hugo/) and with Hindsight (the
# whole build, as `hindsight build` runs it), alternating the two, and prints each run, the medians and
# the ratio Hindsight / Hugo of wall time and of peak RSS.
#
#   benchmark/compare-hugo.sh [COUNT=10000] [RUNS=3] [HINDSIGHT_JVM_OPTS]
#
# Needs Debian's hugo (apt-get install hugo) and the benchmark jar:
#   mvn -B -q package -DskipTests -pl benchmark -am
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
count=${1:-10000}
runs=${2:-3}
# The launcher's flags for a build (generator/src/main/bin/hindsight) and the heap the goal is set for.
launcher_opts="-Xmx768m -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1 -XX:+UseParallelGC -XX:MaxTenuringThreshold=0 -XX:InitialRAMPercentage=25"
if grep -qs -e '\[always\]' -e '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
  launcher_opts="$launcher_opts -XX:+UseTransparentHugePages"
fi
jvm_opts=${3:-$launcher_opts}
jar="$here/target/hindsight-benchmark.jar"
corpus="$here/target/corpus-$count"
command -v hugo >/dev/null || { echo "compare-hugo: hugo is not installed (apt-get install hugo)" >&2; exit 2; }
[ -f "$jar" ] || { echo "compare-hugo: build the benchmark first: mvn -B -q package -DskipTests -pl benchmark -am" >&2; exit 2; }
if [ ! -d "$corpus" ]; then
  java -cp "$jar" dev.hindsight.bench.CorpusGenerator --count "$count" --out "$corpus"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/hugo-site" && cp -r "$here/hugo/." "$work/hugo-site/"
ln -s "$corpus" "$work/hugo-site/content"

# One measured run: prints "wall_seconds peak_rss_kib".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  cat "$work/time"
}

# Each run writes into directories of its own, and every output is deleted only at the end. On a journal-less ext4
# (this machine's disk), creating files in the 30 s after a large tree was deleted costs several times the system
# time (the inode allocator passes over recently deleted inodes), and a deletion between runs would bill that to
# whichever tool ran next; for the same reason, start it half a minute after deleting a large tree (e.g. the outputs
# of a previous run of this script). Needs room for every run's output: about 0.8 GB a run at 10,000 reports.
hugo_walls=(); hugo_rss=(); hs_walls=(); hs_rss=()
for run in $(seq 1 "$runs"); do
  read -r wall rss < <(measure hugo --quiet -s "$work/hugo-site" -d "$work/hugo-out-$run")
  hugo_walls+=("$wall"); hugo_rss+=("$rss")
  echo "run $run: hugo      ${wall} s, peak RSS $((rss / 1024)) MiB"
  # shellcheck disable=SC2086
  read -r wall rss < <(measure java $jvm_opts -cp "$jar" dev.hindsight.cli.Main build --source "$corpus" \
      --out "$work/hs-out-$run" --as-of 2026-11-25 --time-zone UTC --quiet)
  hs_walls+=("$wall"); hs_rss+=("$rss")
  echo "run $run: hindsight ${wall} s, peak RSS $((rss / 1024)) MiB"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
hw=$(median "${hugo_walls[@]}"); hr=$(median "${hugo_rss[@]}")
sw=$(median "${hs_walls[@]}"); sr=$(median "${hs_rss[@]}")
echo "median of $runs ($count reports, $(nproc) cores): hugo ${hw} s / $((${hr%.*} / 1024)) MiB," \
     "hindsight ${sw} s / $((${sr%.*} / 1024)) MiB (JVM: $jvm_opts)"
awk -v s="$sw" -v h="$hw" -v sr="$sr" -v hr="$hr" \
    'BEGIN {printf "ratio hindsight/hugo: wall %.2f, peak RSS %.2f\n", s / h, sr / hr}'
