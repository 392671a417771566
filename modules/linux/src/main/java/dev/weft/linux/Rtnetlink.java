package dev.weft.linux;

import dev.weft.linux.addr.Addresses;
import dev.weft.linux.link.Links;
import dev.weft.linux.neigh.Fdb;
import dev.weft.linux.neigh.Neighbours;
import dev.weft.linux.netlink.NetlinkSocket;
import dev.weft.linux.netlink.RtnlContext;
import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.route.Routes;

/**
 * rtnetlink bound to one network namespace: a NETLINK_ROUTE socket opened inside it, and the link,
 * address, route, neighbour and FDB operations on that socket. Usable from any thread. Close it when
 * done: an open socket keeps its namespace alive after {@code ip netns del}.
 */
public final class Rtnetlink implements AutoCloseable {
  private final NetnsRef namespace;
  private final NetlinkSocket socket;
  private final Links links;
  private final Addresses addresses;
  private final Routes routes;
  private final Neighbours neighbours;
  private final Fdb fdb;

  Rtnetlink(NetnsRef namespace, NamespaceThreads threads) {
    this.namespace = namespace;
    this.socket = threads.call(namespace, NetlinkSocket::open);
    this.links = new Links(socket, namespace, threads);
    RtnlContext context = new RtnlContext(socket, namespace, links::indexOf);
    this.addresses = new Addresses(context);
    this.routes = new Routes(context);
    this.neighbours = new Neighbours(context);
    this.fdb = new Fdb(context);
  }

  public NetnsRef namespace() {
    return namespace;
  }

  public Links links() {
    return links;
  }

  public Addresses addresses() {
    return addresses;
  }

  public Routes routes() {
    return routes;
  }

  public Neighbours neighbours() {
    return neighbours;
  }

  public Fdb fdb() {
    return fdb;
  }

  @Override
  public void close() {
    socket.close();
  }
}
