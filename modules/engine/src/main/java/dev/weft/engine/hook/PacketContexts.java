package dev.weft.engine.hook;

import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.IpView;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Name;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/** Reads a {@link PacketContext} from an IP packet's bytes. */
public final class PacketContexts {
  private PacketContexts() {}

  public static PacketContext of(Name namespace, HookPoint hook, Optional<InterfaceName> in, Optional<InterfaceName> out, ByteBuf ip) {
    int proto = IpView.protocol(ip);
    int icmpType = -1;
    int l4 = ip.readerIndex() + IpView.headerLength(ip);
    if ((proto == IpProtocol.ICMP || proto == IpProtocol.ICMPV6) && !IpView.laterFragment(ip) && ip.writerIndex() > l4) {
      icmpType = ip.getUnsignedByte(l4);
    }
    return new PacketContext(namespace, hook, in, out, IpView.source(ip), IpView.destination(ip), proto,
        IpView.sourcePort(ip), IpView.destinationPort(ip), icmpType, IpView.length(ip));
  }
}
