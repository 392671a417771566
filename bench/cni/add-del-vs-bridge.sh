#!/usr/bin/env bash
# Time per CNI ADD and DEL as the runtime does it (one exec per command, a fresh pod namespace each
# time): weft (launcher relaying to the node daemon) side by side with Debian's reference bridge + host-local, with
# and without ipMasq, in one run. Prints min/median/p95 per command and the weft/reference ratio.
#
#   ./mvnw package                                # dist/cni/bin/weft, weft-cnid (+ AOT cache)
#   sudo bench/cni/add-del-vs-bridge.sh [runs]    # runs defaults to 30
#
# Everything happens inside a scratch "node" namespace (bridges, rules, routes) and scratch pod
# namespaces; all of it, and the daemon, is removed on exit. hyperfine times each command alone: the
# untimed --prepare step makes the fresh pod namespace (and, for DEL, does the ADD); hyperfine subtracts
# the shell it runs each command through.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-30}
weft=$root/dist/cni/bin/weft
cnid=$root/dist/cni/bin/weft-cnid
ref=/usr/lib/cni/bridge
for f in "$weft" "$cnid"; do [ -x "$f" ] || { echo "missing $f: run ./mvnw package first" >&2; exit 1; }; done
[ -x "$ref" ] || { echo "missing $ref: apt-get install containernetworking-plugins" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 1; }

id=wtb$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
node=${id}n
pod=${id}p
work=$(mktemp -d /tmp/wt-cni-bench.XXXXXX)
daemon_pid=
cleanup() {
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null || true
  for p in "${pod}b" "${pod}w"; do ip netns del "$p" 2>/dev/null || true; done
  ip netns del "$node" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$node"
ip -n "$node" link set lo up
nsenter --net=/run/netns/"$node" "$cnid" --socket "$work/cni.sock" > "$work/cnid.out" 2>&1 &
daemon_pid=$!
for _ in $(seq 100); do [ -S "$work/cni.sock" ] && break; sleep 0.1; done
[ -S "$work/cni.sock" ] || { cat "$work/cnid.out" >&2; exit 1; }

conf() { # type bridge subnet ipMasq
  cat <<JSON
{"cniVersion":"1.0.0","name":"$1net","type":"$1","bridge":"$2","isGateway":true,"ipMasq":$4,
 "ipam":{"type":"host-local","dataDir":"$work/ipam","ranges":[[{"subnet":"$3"}]],"routes":[{"dst":"0.0.0.0/0"}]}}
JSON
}
for masq in true false; do
  conf weft wtwbr0 10.111.0.0/24 $masq > "$work/weft-$masq.json"
  conf bridge wtrbr0 10.110.0.0/24 $masq > "$work/bridge-$masq.json"
done

# each plugin gets its own pod namespace: deleting one plugin's pod under the other's attachment would
# make the reference plugin leak its masquerade chain (plugins#810) and fail its next DEL
in_node() { # pod-namespace
  echo "nsenter --net=/run/netns/$node env CNI_CONTAINERID=bench CNI_NETNS=/run/netns/$1 CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni WEFT_CNI_SOCKET=$work/cni.sock"
}
fresh() { echo "ip netns del $1 2>/dev/null; ip netns add $1"; }
# warm the daemon's JIT a little, as on a node that has started pods
for i in $(seq 10); do
  ip netns add "${pod}w"; $(in_node "${pod}w") CNI_COMMAND=ADD "$weft" < "$work/weft-true.json" > /dev/null
  $(in_node "${pod}w") CNI_COMMAND=DEL "$weft" < "$work/weft-true.json"; ip netns del "${pod}w"
done

bench() { # op masq
  local other=DEL; [ "$1" = DEL ] && other=ADD
  local args=()
  for plugin in bridge weft; do
    local bin=$ref; [ $plugin = weft ] && bin=$weft
    local cfg=$work/$plugin-$2.json
    local p=${pod}${plugin:0:1}
    local run; run=$(in_node "$p")
    local new; new=$(fresh "$p")
    if [ "$1" = ADD ]; then
      args+=(--prepare "$run CNI_COMMAND=DEL $bin < $cfg >/dev/null 2>&1 || true; $new")
    else
      args+=(--prepare "$run CNI_COMMAND=DEL $bin < $cfg >/dev/null 2>&1 || true; $new; $run CNI_COMMAND=ADD $bin < $cfg > /dev/null 2>$work/last.err || { cat $work/last.err >&2; false; }")
    fi
    args+=(-n "$plugin $1 ipMasq=$2" "$run CNI_COMMAND=$1 $bin < $cfg > $work/last.out 2>&1 || { cat $work/last.out >&2; false; }")
  done
  hyperfine ${WEFT_BENCH_HYPERFINE_OPTS:---style none} -r "$runs" --export-json "$work/$1-$2.json" "${args[@]}" > "$work/hyperfine.out" 2>&1 || { cat "$work/hyperfine.out" >&2; exit 1; }
}
for masq in true false; do bench ADD $masq; bench DEL $masq; done

python3 - "$work" "$runs" <<'PY'
import json, sys, statistics
work, runs = sys.argv[1], sys.argv[2]
def stats(ts):
    ts = sorted(t * 1e3 for t in ts)
    p95 = ts[min(len(ts) - 1, int(round(0.95 * (len(ts) - 1))))]
    return ts[0], statistics.median(ts), p95
print(f"\nN={runs} per command, fresh pod namespace each time, times in ms (wall clock of one exec)\n")
print("| command | ipMasq | reference min | median | p95 | weft min | median | p95 | ratio (median weft/ref) |")
print("|---|---|---|---|---|---|---|---|---|")
for op in ("ADD", "DEL"):
    for masq in ("true", "false"):
        rs = json.load(open(f"{work}/{op}-{masq}.json"))["results"]
        r, w = stats(rs[0]["times"]), stats(rs[1]["times"])
        print(f"| {op} | {masq} | {r[0]:.1f} | {r[1]:.1f} | {r[2]:.1f} | {w[0]:.1f} | {w[1]:.1f} | {w[2]:.1f} | {w[1]/r[1]:.2f}x |")
PY
