package dev.weft.engine.packet;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.netty.buffer.ByteBuf;

/** One protocol header. {@link #encode} writes exactly {@link #length()} bytes. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface Header
    permits EthernetHeader, ArpPacket, IpHeader, TransportHeader, VxlanHeader, GreHeader, NdpMessage {

  int length();

  void encode(ByteBuf out);

  /** One line in the style of tcpdump, for traces. */
  String summary();
}
