package dev.weft.dataplane.tap;

/** Constants of linux/if_tun.h and virtio_net.h that the weft-linux driver does not need (checked against the uapi headers). */
final class Tun {
  private Tun() {}

  static final String DEVICE = "/dev/net/tun";
  static final int O_NONBLOCK = 04000;

  /** _IOW('T', 208, unsigned int): which offloads the reader can take (TUN_F_*). */
  static final long TUNSETOFFLOAD = 0x400454d0L;
  /** _IOW('T', 216, int): the size of the virtio-net header in front of each frame. */
  static final long TUNSETVNETHDRSZ = 0x400454d8L;

  static final short IFF_VNET_HDR = 0x4000;

  static final int TUN_F_CSUM = 0x01;
  static final int TUN_F_TSO4 = 0x02;
  static final int TUN_F_TSO6 = 0x04;
  /** GSO over UDP tunnels in the virtio-net header (Linux 6.17 on); older kernels refuse the bit with EINVAL. */
  static final int TUN_F_UDP_TUNNEL_GSO = 0x80;
}
