#!/usr/bin/env bash
# Pod-to-pod throughput across a VXLAN overlay (VNI 77, UDP 4789) between two emulated hosts on one veth
# underlay (MTU 1500, pods MTU 1450): the kernel's VXLAN + bridge on both hosts, then weft's userspace
# dataplane on both hosts ("weft", the fair measure of weft's forwarding), then kernel on h1 and weft on
# h2 ("mixed", interop), weft with plain TAPs and with virtio-net offloads (TSO/GSO/checksum; "offloads"
# hands VXLAN batches to the host kernel whole, "segmented" cuts them into datagrams in userspace). Per
# setup: iperf3 TCP, one stream, a->b; and small-packet UDP (64-byte payload at a high offered rate),
# reporting the packets per second that arrived. Prints a table and each figure's ratio to the kernel's.
#
#   ./mvnw -q -B -o -pl bench package -DskipTests       # bench/target/benchmarks.jar
#   sudo bench/dataplane/compare.sh [setup ...]          # setups: kernel weft-plain weft-offloads
#                                                        #         mixed-plain mixed-offloads (default: these)
#                                                        #         weft-segmented mixed-segmented (on request)
#   DURATION=10 (seconds per iperf3 run), WARMUP=5 (seconds of the same traffic before each measured run),
#   UDP_RATE=2G (offered UDP bit rate), JAR=... (runner jar),
#   KEEP=1 keeps the iperf3 JSON and runner logs in /tmp/wt-dp-bench.*, JVM_OPTS adds runner JVM options (for
#   profiling, e.g. "-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit" for perf's symbols),
#   COUNT=1 counts the whole machine's instructions and cycles during the measured TCP run (perf stat -a) and
#   adds them per byte received: instructions per byte count a setup's work however fast the VM runs at the
#   time (cycles per byte also take in its stalls). Counting slows the runs themselves (in this VM the
#   kernel's TCP fell from ~16 to ~10 Gbit/s, weft's by 15-30 %), so under COUNT=1 read the per-byte
#   columns, not the throughput.
#
# Everything lives in namespaces named wtd<random>-…, removed on exit (trap), with the runner processes.
# One dataplane runs per weft host (one event-loop thread each); the kernel's path runs in softirq.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
duration=${DURATION:-10}
warmup=${WARMUP:-5}
udp_rate=${UDP_RATE:-2G}
jar=${JAR:-$root/bench/target/benchmarks.jar}
setups=("$@")
[ ${#setups[@]} -gt 0 ] || setups=(kernel weft-plain weft-offloads mixed-plain mixed-offloads)
[ "$(id -u)" = 0 ] || { echo "needs root (namespaces, TAPs)" >&2; exit 1; }
[ -f "$jar" ] || { echo "missing $jar: ./mvnw -q -B -o -pl bench package -DskipTests" >&2; exit 1; }
for t in iperf3 jq ip bridge; do command -v $t >/dev/null || { echo "$t is needed" >&2; exit 1; }; done
# shellcheck source=/dev/null
. "$root/.mvn/find-jdk.sh"
java=$JAVA_HOME/bin/java

id=wtd$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
work=$(mktemp -d /tmp/wt-dp-bench.XXXXXX)
runners=()
cleanup() {
  stop_runners
  for ns in $(ip netns list | awk '{print $1}' | grep "^$id-" || true); do ip netns del "$ns" 2>/dev/null || true; done
  if [ -n "${KEEP-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
stop_runners() { # SIGTERM: a runner prints its counters, closes its TAPs and sockets and exits
  for pid in "${runners[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${runners[@]}"; do wait "$pid" 2>/dev/null || true; done
  runners=()
}
trap cleanup EXIT

# the same topology for every setup: the dataplane reads it, the kernel setup mirrors it by hand
cat > "$work/topology.yaml" <<YAML
name: dpbench
underlay: {mtu: 1500, subnet: 192.168.77.0/24}
hosts:
  - name: h1
    underlay: 192.168.77.1/24
    bridges: [{name: br0, gateway: 10.77.0.1/24, mtu: 1450}]
    pods: [{name: a, count: 1, bridge: br0, mode: overlay}]
  - name: h2
    underlay: 192.168.77.2/24
    bridges: [{name: br0, gateway: 10.77.0.254/24, mtu: 1450}]
    pods: [{name: b, count: 1, bridge: br0, mode: overlay}]
overlays:
  - name: blue
    type: vxlan
    vni: 77
    port: 4789
    learning: false
    members: [{host: h1, bridge: br0}, {host: h2, bridge: br0}]
YAML

"$java" --enable-native-access=ALL-UNNAMED -cp "$jar" dev.weft.bench.dataplane.DataplaneHost describe "$work/topology.yaml" > "$work/pods"

underlay() { # two host namespaces joined by a veth pair, eth0 on both
  ip netns add "$id-h1"
  ip netns add "$id-h2"
  ip -n "$id-h1" link add eth0 type veth peer name eth0 netns "$id-h2"
  for i in 1 2; do
    ip -n "$id-h$i" link set lo up
    ip -n "$id-h$i" addr add "192.168.77.$i/24" dev eth0
    ip -n "$id-h$i" link set eth0 up
  done
}

kernel_host() { # host-number pod bridge-gateway peer-underlay: the model's devices, built by iproute2
  local h=$id-h$1 pod=$id-$2 ns iface cidr mac gw
  read -r ns iface cidr mac gw < <(grep "^$2 " "$work/pods")
  ip -n "$h" link add br0 type bridge
  ip -n "$h" link set br0 mtu 1450
  ip -n "$h" addr add "$3/24" dev br0
  ip -n "$h" link add vxlan0 type vxlan id 77 local "192.168.77.$1" dstport 4789 nolearning dev eth0
  ip -n "$h" link set vxlan0 mtu 1450 master br0 up
  bridge -n "$h" fdb append 00:00:00:00:00:00 dev vxlan0 dst "$4"
  ip netns add "$pod"
  ip -n "$h" link add "v$2" type veth peer name "$iface" netns "$pod"
  ip -n "$h" link set "v$2" mtu 1450 master br0 up
  ip -n "$h" link set br0 up
  ip -n "$pod" link set lo up
  ip -n "$pod" link set "$iface" address "$mac" mtu 1450 up
  ip -n "$pod" addr add "$cidr" dev "$iface"
  ip -n "$pod" route add default via "$gw"
}

weft_host() { # host-number plain|offloads|segmented
  local out=$work/h$1.out
  # as a node daemon would run: Netty's sampling leak detector off (it captures a stack per sampled buffer)
  # shellcheck disable=SC2086
  "$java" --enable-native-access=ALL-UNNAMED -Dio.netty.leakDetection.level=disabled ${JVM_OPTS-} -cp "$jar" dev.weft.bench.dataplane.DataplaneHost run "$work/topology.yaml" \
    "h$1" "$id-h$1" "$id-" "$2" < /dev/null > "$out" 2>&1 &
  local pid=$!
  runners+=("$pid")
  for _ in $(seq 300); do grep -qs '^ready' "$out" && return 0; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  echo "dataplane for h$1 did not start:" >&2
  cat "$out" >&2
  exit 1
}

pod_address() { ip -n "$id-$1" -4 -o addr show dev eth0 | awk '{split($4, a, "/"); print a[1]}'; }

setup() { # kernel | weft-MODE | mixed-MODE
  underlay
  case $1 in
    kernel)
      kernel_host 1 a-1 10.77.0.1 192.168.77.2
      kernel_host 2 b-1 10.77.0.254 192.168.77.1 ;;
    weft-*)
      weft_host 1 "${1#weft-}"
      weft_host 2 "${1#weft-}" ;;
    mixed-*)
      weft_host 2 "${1#mixed-}"
      kernel_host 1 a-1 10.77.0.1 192.168.77.2 ;;
  esac
}

teardown() {
  stop_runners
  for ns in $(ip netns list | awk '{print $1}' | grep "^$id-" || true); do ip netns del "$ns" 2>/dev/null || true; done
}

measure() { # setup -> "tcp_bps udp_pps udp_sent_pps instructions_per_byte cycles_per_byte" (the last two "-" without COUNT)
  local a b server
  a=$(pod_address a-1)
  b=$(pod_address b-1)
  ip netns exec "$id-b-1" iperf3 -s -p 5201 > "$work/server.log" 2>&1 &
  server=$!
  sleep 0.5
  # reachability first (no ping on every machine): a TCP connect through the overlay, ARP included
  ip netns exec "$id-a-1" timeout 5 bash -c "until exec 3<>/dev/tcp/$b/5201; do sleep 0.2; done" 2>/dev/null \
    || { echo "$1: $a cannot reach $b:5201" >&2; kill "$server"; return 1; }
  # warm-up, not recorded: the dataplane's JIT compiles its hot path (a node daemon runs warm). Each
  # measured run follows a warm-up of its own kind: a TCP run that followed the UDP-64 warm-up had its hot
  # path recompiled during the run (C2 threads ~8% of the machine; bench/RESULTS.md).
  # iperf3's control connection was reset twice in whole runs (right after the kernel setup; cause not
  # established, perhaps the probe's connection racing it in the server): the warm-up is not measured,
  # so it may try again
  for try in 1 2 3; do
    ip netns exec "$id-a-1" iperf3 -c "$b" -p 5201 -t "$warmup" > /dev/null && break
    [ "$try" = 3 ] && { echo "$1: warm-up failed 3 times" >&2; kill "$server"; return 1; }
    sleep 1
  done
  local count=()
  [ -z "${COUNT-}" ] || count=(perf stat -a -x, -e instructions,cycles -o "$work/$1-count.csv" --)
  "${count[@]}" ip netns exec "$id-a-1" iperf3 -c "$b" -p 5201 -t "$duration" -J > "$work/$1-tcp.json"
  ip netns exec "$id-a-1" iperf3 -c "$b" -p 5201 -t "$warmup" -u -l 64 -b "$udp_rate" > /dev/null
  ip netns exec "$id-a-1" iperf3 -c "$b" -p 5201 -t "$duration" -u -l 64 -b "$udp_rate" -J > "$work/$1-udp.json"
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
  local tcp udp sent
  tcp=$(jq '.end.sum_received.bits_per_second' "$work/$1-tcp.json")
  # received datagrams (sent minus what the server counted lost) over the run's length, and the offered rate:
  # when the sender itself is the limit (it pays for the kernel's encapsulation in its own syscalls), the two match
  udp=$(jq '(.end.sum.packets - .end.sum.lost_packets) / .end.sum.seconds' "$work/$1-udp.json")
  sent=$(jq '.end.sum.packets / .end.sum.seconds' "$work/$1-udp.json")
  local per_byte="- -"
  if [ -n "${COUNT-}" ]; then
    local bytes
    bytes=$(jq '.end.sum_received.bytes' "$work/$1-tcp.json")
    per_byte=$(awk -F, -v b="$bytes" '$3 ~ /^instructions/ {i = $1} $3 ~ /^cycles/ {c = $1}
      END {if (i == "" || c == "" || i !~ /^[0-9]/) print "- -"; else printf "%.2f %.2f\n", i / b, c / b}' "$work/$1-count.csv")
  fi
  echo "$tcp $udp $sent $per_byte"
}

[ -z "${COUNT-}" ] || command -v perf >/dev/null || { echo "COUNT=1 needs perf (linux-perf)" >&2; exit 1; }
declare -A tcp udp sent ipb cpb
for s in "${setups[@]}"; do
  case $s in kernel|weft-plain|weft-offloads|weft-segmented|mixed-plain|mixed-offloads|mixed-segmented) ;; *) echo "unknown setup $s" >&2; exit 2 ;; esac
  setup "$s"
  read -r tcp[$s] udp[$s] sent[$s] ipb[$s] cpb[$s] < <(measure "$s")
  [ -n "${sent[$s]-}" ] || { echo "$s: measurement failed" >&2; exit 1; }
  printf '%-16s tcp %8.2f Gbit/s   udp-64 %10.0f pps received of %10.0f sent\n' "$s" "$(jq -n "${tcp[$s]} / 1e9")" \
    "${udp[$s]}" "${sent[$s]}" >&2
  teardown
  for f in "$work"/h*.out; do
    [ -f "$f" ] || continue
    grep -v -e '^ready$' -e '^WARNING' -e '^$' "$f" | sed "s/^/  [$s $(basename "$f" .out)] /" >&2 || true
    mv "$f" "$work/$s-$(basename "$f")"
  done
done

echo
printf '%-16s %14s %10s %16s %10s %14s' setup "TCP Gbit/s" "x kernel" "UDP-64 kpps" "x kernel" "(sent kpps)"
[ -z "${COUNT-}" ] || printf ' %12s %10s' "TCP instr/B" "cycles/B"
echo
for s in "${setups[@]}"; do
  rt=-; ru=-
  if [ -n "${tcp[kernel]-}" ]; then
    rt=$(jq -n "${tcp[$s]} / ${tcp[kernel]} * 100 | round / 100")
    ru=$(jq -n "${udp[$s]} / ${udp[kernel]} * 100 | round / 100")
  fi
  printf '%-16s %14.2f %10s %16.1f %10s %14.1f' "$s" "$(jq -n "${tcp[$s]} / 1e9")" "$rt" "$(jq -n "${udp[$s]} / 1e3")" "$ru" \
    "$(jq -n "${sent[$s]} / 1e3")"
  [ -z "${COUNT-}" ] || printf ' %12s %10s' "${ipb[$s]}" "${cpb[$s]}"
  echo
done
