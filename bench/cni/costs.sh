#!/usr/bin/env bash
# The kernel and exec costs behind the CNI and IPAM figures in bench/RESULTS.md, each alone, inside a
# scratch node namespace:
#   1. one nft transaction that adds a map element vs one that deletes one (a deleting commit waits for
#      an RCU grace period);
#   2. `ip link del` of a veth's host end whose other end is in a pod namespace with an address (what
#      every DEL pays, weft's and the reference plugin's alike);
#   3. the floor of an exec: `bash -c :`, host-local's VERSION (a Go start), and weft-ipam's and weft's
#      VERSION through the launchers' relay to a scratch weft-cnid.
# Prints the median and the 10th/90th percentiles of per-run wall times, in ms.
#
#   ./mvnw package && sudo bench/cni/costs.sh [runs]     # runs defaults to 30 (x10 for the exec floor)
#
# Everything runs in namespaces named wtk<random>-…, removed on exit with the daemon.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)

# times (ms, one per line) on stdin -> "median | p10 | p90"
summary() { sort -n | awk '{a[NR]=$1} END {printf "%.2f | %.2f | %.2f", a[int((NR+1)/2)], a[int(NR*0.1)+1], a[int(NR*0.9)]}'; }
elapsed() { # command... ; prints ms
  local s=$EPOCHREALTIME
  "$@" > /dev/null
  local e=$EPOCHREALTIME
  echo "$s $e" | awk '{printf "%.3f\n", ($2 - $1) * 1000}'
}
row() { # label times...
  local label=$1
  shift
  printf '| %s | %s |\n' "$label" "$(printf '%s\n' "$@" | summary)"
}
floor() { # label command... ; stdin of each run: $work/version.json
  local label=$1 t=()
  shift
  for _ in $(seq 20); do "$@" < "$work/version.json" > /dev/null; done
  for _ in $(seq $((runs * 10))); do t+=("$(elapsed "$@" < "$work/version.json")"); done
  row "$label" "${t[@]}"
}

if [ "${1-}" = --inside ]; then # in the node namespace, its pod veths made and its daemon up
  work=$2 runs=$3
  nft_once() { nft -f "$work/nft"; }
  printf 'add table ip t\nadd chain ip t c\nadd map ip t m { type ipv4_addr : verdict; }\n' > "$work/nft"
  nft_once
  adds=() dels=() veths=()
  for i in $(seq "$runs"); do
    echo "add element ip t m { 10.9.0.$i : jump c }" > "$work/nft"
    adds+=("$(elapsed nft_once)")
  done
  for i in $(seq "$runs"); do
    echo "delete element ip t m { 10.9.0.$i }" > "$work/nft"
    dels+=("$(elapsed nft_once)")
  done
  for i in $(seq "$runs"); do veths+=("$(elapsed ip link del "wtkv$i")"); done
  row "nft -f: one add element" "${adds[@]}"
  row "nft -f: one delete element" "${dels[@]}"
  row "ip link del of a pod veth (host end)" "${veths[@]}"
  export CNI_COMMAND=VERSION WEFT_CNI_SOCKET=$work/cni.sock
  floor "bash -c :" bash -c :
  floor "host-local VERSION" /usr/lib/cni/host-local
  floor "weft-ipam VERSION (relay)" "$root/dist/cni/bin/weft-ipam"
  floor "weft VERSION (relay)" "$root/dist/cni/bin/weft"
  exit 0
fi

runs=${1:-30}
[ "$runs" -le 250 ] || { echo "at most 250 runs" >&2; exit 1; }
cnid=$root/dist/cni/bin/weft-cnid
for f in "$cnid" "$root/dist/cni/bin/weft" "$root/dist/cni/bin/weft-ipam" /usr/lib/cni/host-local; do
  [ -x "$f" ] || { echo "missing $f (./mvnw package; apt-get install containernetworking-plugins)" >&2; exit 1; }
done
id=wtk$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
work=$(mktemp -d /tmp/wt-costs.XXXXXX)
daemon_pid=
cleanup() {
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null || true
  for ns in $(ip netns list | awk '{print $1}' | grep "^$id-" || true); do ip netns del "$ns"; done
  rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$id-n"
ip -n "$id-n" link set lo up
for i in $(seq "$runs"); do
  ip netns add "$id-p$i"
  ip -n "$id-n" link add "wtkv$i" type veth peer name eth0 netns "$id-p$i"
  ip -n "$id-p$i" addr add "10.8.0.$i/24" dev eth0
  ip -n "$id-p$i" link set eth0 up
  ip -n "$id-n" link set "wtkv$i" up
done
ip netns exec "$id-n" "$cnid" --socket "$work/cni.sock" > "$work/cnid.out" 2>&1 &
daemon_pid=$!
for _ in $(seq 100); do [ -f "$work/cni.sock.tcp" ] && break; sleep 0.1; done
[ -f "$work/cni.sock.tcp" ] || { cat "$work/cnid.out" >&2; exit 1; }
echo '{"cniVersion":"1.0.0","name":"x","type":"x"}' > "$work/version.json"
echo
echo "| what | median ms | p10 | p90 |"
echo "|---|---|---|---|"
ip netns exec "$id-n" bash "$0" --inside "$work" "$runs"
