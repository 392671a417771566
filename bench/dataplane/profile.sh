#!/usr/bin/env bash
# Where the machine's CPU goes while compare.sh measures one setup's TCP throughput: a system-wide perf
# profile taken during the measured iperf3 run, with the dataplane runners' JIT-compiled frames named
# (perf maps written at exit), then the shares per process, per process and object, and per symbol.
#
#   ./mvnw -q -B -o -pl bench package -DskipTests
#   sudo bench/dataplane/profile.sh [setup] [perf.data]    # default: weft-offloads, /tmp/weft-dp-profile.data
#   EVENT=cycles (or cpu-clock where the VM has no hardware counters), PERIOD=400000 (events per sample),
#   SECONDS_=10 (length of the profile), TOP=40 (symbol rows), CALLGRAPH=1 (record kernel and user call chains, -g)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
setup=${1:-weft-offloads}
data=${2:-/tmp/weft-dp-profile.data}
event=${EVENT:-cycles}
period=${PERIOD:-400000}
length=${SECONDS_:-10}
top=${TOP:-40}
command -v perf >/dev/null || { echo "perf is needed (linux-perf)" >&2; exit 1; }
marker=$(mktemp /tmp/wt-dp-profile.XXXXXX)
trap 'rm -f "$marker"' EXIT

# the measured TCP run lasts length + 10 s; the profile starts 3 s into it
JVM_OPTS="${JVM_OPTS-} -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit" DURATION=$((length + 10)) \
  bash "$root/bench/dataplane/compare.sh" "$setup" > "$marker.log" 2>&1 &
bench=$!
json=
for _ in $(seq 1200); do
  json=$(find /tmp -maxdepth 2 -path '/tmp/wt-dp-bench.*' -name "$setup-tcp.json" -newer "$marker" 2>/dev/null | head -1)
  [ -n "$json" ] && break
  kill -0 "$bench" 2>/dev/null || break
  sleep 0.1
done
[ -n "$json" ] || { cat "$marker.log" >&2; echo "the measured TCP run did not start" >&2; exit 1; }
sleep 3
perf record -a ${CALLGRAPH:+-g} -e "$event" -c "$period" -o "$data" -- sleep "$length" 2> /dev/null
wait "$bench"
tail -n 2 "$marker.log"
rm -f "$marker.log"
echo
perf report -i "$data" --no-children --sort pid -q 2> /dev/null | head -8
echo
perf report -i "$data" --no-children --sort pid,dso -q 2> /dev/null | head -10
echo
perf report -i "$data" --no-children --sort pid,sym -q 2> /dev/null | grep -v '^$' | cut -c1-160 | head -"$top"
