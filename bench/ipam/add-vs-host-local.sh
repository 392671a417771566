#!/usr/bin/env bash
# Time per IPAM ADD and DEL as a process: weft-ipam (with and without its AOT cache) side by side with
# Debian's reference /usr/lib/cni/host-local, in one hyperfine run, printed as ratios.
#
#   ./mvnw package            # produces dist/cni/bin/weft-ipam (+ dist/cni/lib, AOT cache)
#   bench/ipam/add-vs-host-local.sh [runs] [prefill]
#
# Each plugin gets its own store under a temp dir with `prefill` addresses already held (default 100),
# so the directory listing is realistic. Each timed ADD is preceded by an untimed DEL of the same
# attachment (--prepare), and each timed DEL by an untimed ADD. hyperfine subtracts the shell's start.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
weft=$root/dist/cni/bin/weft-ipam
ref=/usr/lib/cni/host-local
runs=${1:-40}
prefill=${2:-100}
[ -x "$weft" ] || { echo "missing $weft: run ./mvnw package first" >&2; exit 1; }
[ -x "$ref" ] || { echo "missing $ref: apt-get install containernetworking-plugins" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 1; }

work=$(mktemp -d /tmp/wt-ipam-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
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
export CNI_CONTAINERID=bench

run() { # op opposite-op
  hyperfine --style basic -w 5 -r "$runs" --export-json "$work/$1.json" \
    --prepare "CNI_COMMAND=$2 $ref < $work/ref.json > /dev/null || true" \
    -n "host-local $1" "CNI_COMMAND=$1 $ref < $work/ref.json > /dev/null" \
    --prepare "CNI_COMMAND=$2 $weft < $work/weft.json > /dev/null || true" \
    -n "weft-ipam $1" "CNI_COMMAND=$1 $weft < $work/weft.json > /dev/null" \
    --prepare "CNI_COMMAND=$2 $weft < $work/weft.json > /dev/null || true" \
    -n "weft-ipam $1 (no AOT cache)" \
    "CNI_COMMAND=$1 WEFT_IPAM_JAVA_OPTS=-XX:AOTMode=off $weft < $work/weft.json > /dev/null"
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
    rs = json.load(open(f"{work}/{op}.json"))["results"]
    base = rs[0]["median"]
    for r in rs:
        print(f"| {r['command']} | {r['mean']*1e3:.1f} | {r['median']*1e3:.1f} | {r['user']*1e3:.1f} | "
              f"{r['system']*1e3:.1f} | {r['median']/base:.1f}x |")
PY
