package dev.weft.linux.sys;

/** Linux ABI constants (x86-64 and arm64 agree on all of these), checked against the uapi headers. */
public final class Linux {
  private Linux() {}

  // socket(2)
  public static final int AF_UNSPEC = 0;
  public static final int AF_INET = 2;
  public static final int AF_BRIDGE = 7;
  public static final int AF_INET6 = 10;
  public static final int AF_NETLINK = 16;
  public static final int SOCK_RAW = 3;
  public static final int SOCK_CLOEXEC = 0x80000;
  public static final int NETLINK_ROUTE = 0;
  public static final int SOL_SOCKET = 1;
  public static final int SO_SNDBUF = 7;
  public static final int SO_RCVBUF = 8;
  public static final int SOL_NETLINK = 270;
  public static final int NETLINK_CAP_ACK = 10;
  public static final int NETLINK_EXT_ACK = 11;
  public static final int MSG_TRUNC = 0x20;

  // open(2)
  public static final int O_RDONLY = 0;
  public static final int O_WRONLY = 1;
  public static final int O_RDWR = 2;
  public static final int O_CREAT = 0100;
  public static final int O_EXCL = 0200;
  public static final int O_TRUNC = 01000;
  public static final int O_CLOEXEC = 02000000;

  // namespaces and mounts
  public static final int CLONE_NEWNET = 0x40000000;
  public static final long MS_BIND = 4096;
  public static final long MS_REC = 16384;
  public static final long MS_SHARED = 1L << 20;
  public static final int MNT_DETACH = 2;

  // tun/tap (linux/if_tun.h): _IOW('T', 202, int) and _IOW('T', 203, int)
  public static final long TUNSETIFF = 0x400454caL;
  public static final long TUNSETPERSIST = 0x400454cbL;
  public static final short IFF_TAP = 0x0002;
  public static final short IFF_NO_PI = 0x1000;
  public static final int IFNAMSIZ = 16;
  public static final int IFREQ_SIZE = 40;
}
