#!/bin/sh
# Copies the weft plugin onto the node, as flannel's and Calico's install-cni containers do: binaries into
# the host's CNI bin directory (mounted at /host/opt/cni/bin), their jars into ../lib beside it, and the
# conflist into /host/etc/cni/net.d, unless a weft conflist is there already. Files are written under a
# temporary name and renamed, so kubelet never sees half a binary.
set -eu
src=/opt/weft/cni
bin=${CNI_BIN_DIR:-/host/opt/cni/bin}
lib=$(dirname "$bin")/lib
conf=${CNI_CONF_DIR:-/host/etc/cni/net.d}
mkdir -p "$bin" "$lib" "$conf"
for f in "$src"/lib/*; do
  cp "$f" "$lib/.$(basename "$f").tmp" && mv "$lib/.$(basename "$f").tmp" "$lib/$(basename "$f")"
done
for f in weft weft-ipam; do
  cp "$src/bin/$f" "$bin/.$f.tmp" && chmod 755 "$bin/.$f.tmp" && mv "$bin/.$f.tmp" "$bin/$f"
done
if [ ! -e "$conf/10-weft.conflist" ]; then
  cp /opt/weft/10-weft.conflist "$conf/.10-weft.conflist.tmp" && mv "$conf/.10-weft.conflist.tmp" "$conf/10-weft.conflist"
fi
echo "weft: installed into $bin (jars in $lib), conflist in $conf"
