#!/usr/bin/env bash
# Time per IPAM ADD and DEL as a process: weft-ipam side by side with Debian's reference
# /usr/lib/cni/host-local, in one hyperfine run, printed as ratios. weft-ipam runs three ways: through
# the node daemon weft-cnid (the launcher's bash relay, no JVM; how a node with weft installed runs it),
# and standalone as a JVM with and without its AOT cache (WEFT_CNI_STANDALONE=1).
#
#   ./mvnw package            # produces dist/cni/bin/weft-ipam (+ dist/cni/lib, AOT cache)
#   bench/ipam/add-vs-host-local.sh [runs] [prefill]   # runs (default 40) per JVM command; 5x that for
#                                                      # host-local and weft-ipam through weft-cnid
#
# Each plugin gets its own store under a temp dir with `prefill` addresses already held (default 100),
# so the directory listing is realistic. Each timed ADD is preceded by an untimed DEL of the same
# attachment (--prepare), and each timed DEL by an untimed ADD. hyperfine subtracts the shell's start.
# Everything runs in a scratch network namespace (the daemon's loopback endpoint lives there), which
# the script removes with the daemon on exit.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
weft=$root/dist/cni/bin/weft-ipam
ref=/usr/lib/cni/host-local
runs=${1:-40}
prefill=${2:-100}
fast_runs=$((runs * 5))
[ -x "$weft" ] || { echo "missing $weft: run ./mvnw package first" >&2; exit 1; }
[ -x "$ref" ] || { echo "missing $ref: apt-get install containernetworking-plugins" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 1; }

cnid=$root/dist/cni/bin/weft-cnid
[ -x "$cnid" ] || { echo "missing $cnid: run ./mvnw package first" >&2; exit 1; }
work=$(mktemp -d /tmp/wt-ipam-bench.XXXXXX)
ns=wtib$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
daemon_pid=
cleanup() {
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$ns"
ip -n "$ns" link set lo up
ip netns exec "$ns" "$cnid" --socket "$work/cni.sock" > "$work/cnid.out" 2>&1 &
daemon_pid=$!
for _ in $(seq 100); do [ -f "$work/cni.sock.tcp" ] && break; sleep 0.1; done
[ -f "$work/cni.sock.tcp" ] || { cat "$work/cnid.out" >&2; exit 1; }
for p in weft ref; do
  cat > "$work/$p.json" <<JSON
{"cniVersion":"1.0.0","name":"wtbench-$p","type":"bridge",
 "ipam":{"type":"x","dataDir":"$work/data","ranges":[[{"subnet":"10.123.0.0/16"}]],"routes":[{"dst":"0.0.0.0/0"}]}}
JSON
done
export CNI_NETNS=/proc/self/ns/net CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni
for i in $(seq 1 "$prefill"); do
  CNI_COMMAND=ADD CNI_CONTAINERID=prefill$i "$ref" < "$work/ref.json" > /dev/null
  CNI_COMMAND=ADD CNI_CONTAINERID=prefill$i "$ref" < "$work/weft.json" > /dev/null
done
export CNI_CONTAINERID=bench WEFT_CNI_SOCKET=$work/cni.sock
for i in $(seq 50); do # warm the daemon's JIT a little, as on a node that has started pods
  ip netns exec "$ns" env CNI_COMMAND=ADD "$weft" < "$work/weft.json" > /dev/null
  ip netns exec "$ns" env CNI_COMMAND=DEL "$weft" < "$work/weft.json"
done

run() { # op opposite-op
  local jvm="WEFT_CNI_STANDALONE=1 $weft"
  # the two few-millisecond commands side by side with more runs (hyperfine subtracts its shell's ~1 ms)
  ip netns exec "$ns" hyperfine --style basic -w 20 -r "$fast_runs" --export-json "$work/$1-fast.json" \
    --prepare "CNI_COMMAND=$2 $ref < $work/ref.json > /dev/null || true" \
    -n "host-local $1" "CNI_COMMAND=$1 $ref < $work/ref.json > /dev/null" \
    --prepare "CNI_COMMAND=$2 $weft < $work/weft.json > /dev/null || true" \
    -n "weft-ipam $1 (through weft-cnid)" "CNI_COMMAND=$1 $weft < $work/weft.json > /dev/null"
  ip netns exec "$ns" hyperfine --style basic -w 5 -r "$runs" --export-json "$work/$1-jvm.json" \
    --prepare "CNI_COMMAND=$2 $weft < $work/weft.json > /dev/null || true" \
    -n "weft-ipam $1 (standalone JVM)" "CNI_COMMAND=$1 $jvm < $work/weft.json > /dev/null" \
    --prepare "CNI_COMMAND=$2 $weft < $work/weft.json > /dev/null || true" \
    -n "weft-ipam $1 (standalone JVM, no AOT cache)" \
    "CNI_COMMAND=$1 WEFT_IPAM_JAVA_OPTS=-XX:AOTMode=off $jvm < $work/weft.json > /dev/null"
}
run ADD DEL
run DEL ADD

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
print()
print("| command | mean ms | median ms | user ms | sys ms | ratio to host-local (median) |")
print("|---|---|---|---|---|---|")
for op in ("ADD", "DEL"):
    rs = json.load(open(f"{work}/{op}-fast.json"))["results"] + json.load(open(f"{work}/{op}-jvm.json"))["results"]
    base = rs[0]["median"]
    for r in rs:
        print(f"| {r['command']} | {r['mean']*1e3:.1f} | {r['median']*1e3:.1f} | {r['user']*1e3:.1f} | "
              f"{r['system']*1e3:.1f} | {r['median']/base:.2f}x |")
PY
