package dev.weft.linux.netlink;

/**
 * Netlink and rtnetlink constants, checked against linux/{netlink,rtnetlink,if_link,if_addr,neighbour,
 * veth,if_tunnel}.h. Grouped by the header struct or attribute space they belong to.
 */
public final class Rtnl {
  private Rtnl() {}

  // nlmsghdr
  public static final int NLMSG_HDRLEN = 16;
  public static final int NLMSG_NOOP = 1;
  public static final int NLMSG_ERROR = 2;
  public static final int NLMSG_DONE = 3;
  public static final int NLM_F_REQUEST = 0x01;
  public static final int NLM_F_MULTI = 0x02;
  public static final int NLM_F_ACK = 0x04;
  public static final int NLM_F_DUMP_INTR = 0x10;
  public static final int NLM_F_DUMP = 0x300;
  public static final int NLM_F_REPLACE = 0x100;
  public static final int NLM_F_EXCL = 0x200;
  public static final int NLM_F_CREATE = 0x400;
  public static final int NLM_F_APPEND = 0x800;
  public static final int NLM_F_CAPPED = 0x100;
  public static final int NLM_F_ACK_TLVS = 0x200;
  public static final int NLMSGERR_ATTR_MSG = 1;

  // message types
  public static final int RTM_NEWLINK = 16;
  public static final int RTM_DELLINK = 17;
  public static final int RTM_GETLINK = 18;
  public static final int RTM_NEWADDR = 20;
  public static final int RTM_DELADDR = 21;
  public static final int RTM_GETADDR = 22;
  public static final int RTM_NEWROUTE = 24;
  public static final int RTM_DELROUTE = 25;
  public static final int RTM_GETROUTE = 26;
  public static final int RTM_NEWNEIGH = 28;
  public static final int RTM_DELNEIGH = 29;
  public static final int RTM_GETNEIGH = 30;

  // rtattr
  public static final int NLA_HDRLEN = 4;
  public static final int NLA_F_NESTED = 1 << 15;
  public static final int NLA_TYPE_MASK = ~((1 << 15) | (1 << 14)) & 0xffff;

  /** struct ifinfomsg is 16 bytes; link attributes. */
  public static final class Ifla {
    private Ifla() {}

    public static final int IFINFOMSG_LEN = 16;
    public static final int ADDRESS = 1;
    public static final int IFNAME = 3;
    public static final int MTU = 4;
    public static final int LINK = 5;
    public static final int MASTER = 10;
    public static final int OPERSTATE = 16;
    public static final int LINKINFO = 18;
    public static final int NET_NS_FD = 28;
    public static final int LINK_NETNSID = 37;
    public static final int INFO_KIND = 1;
    public static final int INFO_DATA = 2;
    public static final int INFO_SLAVE_KIND = 4;
    public static final int IFF_UP = 0x1;
    public static final int IFF_LOWER_UP = 0x10000;
    public static final int VETH_INFO_PEER = 1;
    public static final int VXLAN_ID = 1;
    public static final int VXLAN_GROUP = 2;
    public static final int VXLAN_LINK = 3;
    public static final int VXLAN_LOCAL = 4;
    public static final int VXLAN_TTL = 5;
    public static final int VXLAN_LEARNING = 7;
    public static final int VXLAN_PORT = 15;
    public static final int VXLAN_GROUP6 = 16;
    public static final int VXLAN_LOCAL6 = 17;
    public static final int MACVLAN_MODE = 1;
    public static final int BR_STP_STATE = 5;
    public static final int BR_VLAN_FILTERING = 7;
    public static final int GRE_LINK = 1;
    public static final int GRE_IKEY = 4;
    public static final int GRE_OKEY = 5;
    public static final int GRE_LOCAL = 6;
    public static final int GRE_REMOTE = 7;
    public static final int GRE_TTL = 8;
    public static final int IPTUN_LINK = 1;
    public static final int IPTUN_LOCAL = 2;
    public static final int IPTUN_REMOTE = 3;
    public static final int IPTUN_TTL = 4;
    public static final int GENEVE_ID = 1;
    public static final int GENEVE_REMOTE = 2;
    public static final int GENEVE_PORT = 5;
    public static final int GENEVE_REMOTE6 = 7;
  }

  /** struct ifaddrmsg is 8 bytes; address attributes. */
  public static final class Ifa {
    private Ifa() {}

    public static final int IFADDRMSG_LEN = 8;
    public static final int ADDRESS = 1;
    public static final int LOCAL = 2;
    public static final int LABEL = 3;
    public static final int BROADCAST = 4;
    public static final int FLAGS = 8;
    public static final int F_NODAD = 0x02;
    public static final int F_PERMANENT = 0x80;
  }

  /** struct rtmsg is 12 bytes; route attributes. */
  public static final class Rta {
    private Rta() {}

    public static final int RTMSG_LEN = 12;
    public static final int DST = 1;
    public static final int OIF = 4;
    public static final int GATEWAY = 5;
    public static final int PRIORITY = 6;
    public static final int PREFSRC = 7;
    public static final int TABLE = 15;
    public static final int RTNH_F_ONLINK = 4;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RT_TABLE_LOCAL = 255;
  }

  /** struct ndmsg is 12 bytes; neighbour and FDB attributes. */
  public static final class Nda {
    private Nda() {}

    public static final int NDMSG_LEN = 12;
    public static final int DST = 1;
    public static final int LLADDR = 2;
    public static final int VLAN = 5;
    public static final int PORT = 6;
    public static final int VNI = 7;
    public static final int MASTER = 9;
    public static final int NUD_REACHABLE = 0x02;
    public static final int NUD_NOARP = 0x40;
    public static final int NUD_PERMANENT = 0x80;
    public static final int NTF_SELF = 0x02;
    public static final int NTF_MASTER = 0x04;
  }
}
