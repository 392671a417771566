package dev.weft.linux.link;

import dev.weft.linux.error.DriverErrors;
import dev.weft.linux.error.NoSuchDeviceException;
import dev.weft.linux.netlink.ErrorMapper;
import dev.weft.linux.netlink.MessageWriter;
import dev.weft.linux.netlink.NetlinkMessage;
import dev.weft.linux.netlink.NetlinkSocket;
import dev.weft.linux.netlink.Rtnl;
import dev.weft.linux.netlink.Rtnl.Ifla;
import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsHandle;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.sys.Linux;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Link operations in one namespace: create (veth, bridge, vxlan, macvlan, tap, and the tunnel kinds a
 * kernel may lack), delete, modify, move and read back. Every method is one netlink exchange except
 * where noted; creation of a tap with options is several, and undoes itself if a later step fails.
 */
public final class Links {
  private final NetlinkSocket socket;
  private final NetnsRef ns;
  private final NamespaceThreads threads;
  private final LinkEncoder encoder;

  public Links(NetlinkSocket socket, NetnsRef ns, NamespaceThreads threads) {
    this.socket = socket;
    this.ns = ns;
    this.threads = threads;
    this.encoder = new LinkEncoder(this::indexOf);
  }

  private String where() {
    return " in " + ns.describe();
  }

  /** Creates the link and returns it as the kernel reports it; EEXIST becomes AlreadyExistsException. */
  public Link create(LinkSpec spec) {
    String operation = "create link " + spec.name() + " (" + spec.kind() + ")" + where();
    if (spec instanceof LinkSpec.Tap tap) {
      return createTap(tap, operation);
    }
    ErrorMapper errors = (errno, msg) -> DriverErrors.forLinkCreation(errno, operation, spec.kind(), msg);
    Optional<NetnsRef> peerNs = spec instanceof LinkSpec.Veth v ? v.peer().namespace() : Optional.empty();
    try (NetnsHandle peerHandle = peerNs.map(threads::open).orElse(null)) {
      OptionalInt fd = peerHandle == null ? OptionalInt.empty() : OptionalInt.of(peerHandle.fd());
      socket.execute(encoder.create(spec, fd), errors);
    }
    if (spec instanceof LinkSpec.Veth v && v.peer().up()) {
      bringPeerUp(v, operation);
    }
    return require(spec.name(), operation);
  }

  /** A veth peer goes up after pairing, from a socket in the peer's namespace; on failure the pair goes. */
  private void bringPeerUp(LinkSpec.Veth v, String operation) {
    try {
      MessageWriter up = LinkEncoder.modify(v.peer().name(), Ifla.IFF_UP, Ifla.IFF_UP);
      ErrorMapper errors = ErrorMapper.forOperation(operation + ": set peer " + v.peer().name() + " up");
      if (v.peer().namespace().isEmpty()) {
        socket.execute(up, errors);
      } else {
        try (NetlinkSocket peerSocket = threads.call(v.peer().namespace().get(), NetlinkSocket::open)) {
          peerSocket.execute(up, errors);
        }
      }
    } catch (RuntimeException e) {
      try {
        delete(v.name());
      } catch (RuntimeException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
  }

  private Link createTap(LinkSpec.Tap tap, String operation) {
    TapDevices.create(threads, ns, tap.name());
    try {
      LinkOptions o = tap.options();
      o.mtu().ifPresent(m -> setMtu(tap.name(), m));
      o.mac().ifPresent(m -> setMac(tap.name(), m));
      o.master().ifPresent(m -> setMaster(tap.name(), m));
      if (o.up()) {
        setUp(tap.name());
      }
      return require(tap.name(), operation);
    } catch (RuntimeException e) {
      try {
        delete(tap.name());
      } catch (RuntimeException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
  }

  private Link require(InterfaceName name, String operation) {
    return get(name).orElseThrow(() -> new NoSuchDeviceException(
        operation + ": the link vanished right after creation", 19, Optional.empty()));
  }

  public void delete(InterfaceName name) {
    MessageWriter w = new MessageWriter(Rtnl.RTM_DELLINK, 0).ifinfomsg(Linux.AF_UNSPEC, 0, 0, 0)
        .attrString(Ifla.IFNAME, name.value());
    socket.execute(w, ErrorMapper.forOperation("delete link " + name + where()));
  }

  /** Deletes the link if it exists; returns whether it did. */
  public boolean deleteIfExists(InterfaceName name) {
    try {
      delete(name);
      return true;
    } catch (NoSuchDeviceException e) {
      return false;
    }
  }

  public void setUp(InterfaceName name) {
    modify(name, "set link " + name + " up", LinkEncoder.modify(name, Ifla.IFF_UP, Ifla.IFF_UP));
  }

  public void setDown(InterfaceName name) {
    modify(name, "set link " + name + " down", LinkEncoder.modify(name, 0, Ifla.IFF_UP));
  }

  public void setMtu(InterfaceName name, Mtu mtu) {
    modify(name, "set link " + name + " mtu " + mtu, LinkEncoder.modify(name, 0, 0).attrU32(Ifla.MTU, mtu.value()));
  }

  public void setMac(InterfaceName name, Mac mac) {
    modify(name, "set link " + name + " address " + mac, LinkEncoder.modify(name, 0, 0).attr(Ifla.ADDRESS, mac.toBytes()));
  }

  /** Enslaves {@code name} to the bridge (or other master) {@code master}. */
  public void setMaster(InterfaceName name, InterfaceName master) {
    modify(name, "set link " + name + " master " + master,
        LinkEncoder.modify(name, 0, 0).attrU32(Ifla.MASTER, indexOf(master)));
  }

  /** Releases {@code name} from its master (IFLA_MASTER 0). */
  public void setNoMaster(InterfaceName name) {
    modify(name, "set link " + name + " nomaster", LinkEncoder.modify(name, 0, 0).attrU32(Ifla.MASTER, 0));
  }

  /** Moves the link to another namespace; it keeps its name there and goes down, as the kernel does. */
  public void moveTo(InterfaceName name, NetnsRef target) {
    try (NetnsHandle handle = threads.open(target)) {
      modify(name, "move link " + name + " to " + target.describe(),
          LinkEncoder.modify(name, 0, 0).attrU32(Ifla.NET_NS_FD, handle.fd()));
    }
  }

  private void modify(InterfaceName name, String operation, MessageWriter request) {
    socket.execute(request, ErrorMapper.forOperation(operation + where()));
  }

  public Optional<Link> get(InterfaceName name) {
    return getOne(new MessageWriter(Rtnl.RTM_GETLINK, 0).ifinfomsg(Linux.AF_UNSPEC, 0, 0, 0)
        .attrString(Ifla.IFNAME, name.value()), "get link " + name);
  }

  public Optional<Link> get(int index) {
    return getOne(new MessageWriter(Rtnl.RTM_GETLINK, 0).ifinfomsg(Linux.AF_UNSPEC, index, 0, 0), "get link #" + index);
  }

  private Optional<Link> getOne(MessageWriter request, String operation) {
    try {
      return socket.execute(request, ErrorMapper.forOperation(operation + where())).stream()
          .filter(m -> m.type() == Rtnl.RTM_NEWLINK).findFirst().map(LinkDecoder::decode);
    } catch (NoSuchDeviceException e) {
      return Optional.empty();
    }
  }

  /** The ifindex of {@code name}; NoSuchDeviceException if there is no such link. */
  public int indexOf(InterfaceName name) {
    return get(name).map(Link::index).orElseThrow(() -> new NoSuchDeviceException(
        "look up link " + name + where(), 19, Optional.empty()));
  }

  /** Every link in the namespace, in ifindex order. */
  public List<Link> list() {
    MessageWriter w = new MessageWriter(Rtnl.RTM_GETLINK, Rtnl.NLM_F_DUMP).ifinfomsg(Linux.AF_UNSPEC, 0, 0, 0);
    List<NetlinkMessage> parts = socket.dump(w, ErrorMapper.forOperation("list links" + where()));
    return parts.stream().filter(m -> m.type() == Rtnl.RTM_NEWLINK).map(LinkDecoder::decode)
        .sorted(java.util.Comparator.comparingInt(Link::index)).toList();
  }
}
