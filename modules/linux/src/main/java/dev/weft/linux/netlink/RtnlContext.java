package dev.weft.linux.netlink;

import dev.weft.linux.error.DriverException;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.InterfaceName;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What every rtnetlink operation family shares: the socket, the namespace it is bound to (for error
 * messages), and how to turn a link name into an ifindex there.
 */
public record RtnlContext(NetlinkSocket socket, NetnsRef namespace, ToIntFunction<InterfaceName> indexOf) {

  /** One request/ACK exchange; errors name {@code operation} and the namespace. */
  public List<NetlinkMessage> execute(MessageWriter request, String operation) {
    return socket.execute(request, ErrorMapper.forOperation(operation + " in " + namespace.describe()));
  }

  /** One dump, keeping only messages of {@code replyType}. */
  public List<NetlinkMessage> dump(MessageWriter request, int replyType, String operation) {
    return socket.dump(request, ErrorMapper.forOperation(operation + " in " + namespace.describe())).stream()
        .filter(m -> m.type() == replyType).toList();
  }

  public int index(InterfaceName name) {
    return indexOf.applyAsInt(name);
  }

  /** Runs a delete; returns false instead of throwing when the object was already gone. */
  public static boolean ifExists(Runnable delete, Class<? extends DriverException> notFound) {
    try {
      delete.run();
      return true;
    } catch (DriverException e) {
      if (notFound.isInstance(e)) {
        return false;
      }
      throw e;
    }
  }
}
