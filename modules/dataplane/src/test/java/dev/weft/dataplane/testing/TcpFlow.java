package dev.weft.dataplane.testing;

import dev.weft.dataplane.offload.Transport;
import dev.weft.engine.packet.InternetChecksum;
import io.netty.buffer.ByteBuf;

/**
 * One direction of a TCP connection, as frames a Linux sender puts on a wire: IPv4 with DF and a
 * counting IP id, or IPv6; optionally the timestamp option (NOP, NOP, TS: 12 bytes, as Linux sends on
 * every segment); the TCP checksum either complete or left partial (only the pseudo-header sum, as a
 * veth passes on a kernel's CHECKSUM_PARTIAL). Frames are built byte by byte, not with the engine's
 * codecs, because those write no TCP options.
 */
public record TcpFlow(boolean v6, int host, int peer, int sourcePort, int destinationPort, boolean timestamps,
    boolean partial) {
  private static final int TCP = 6;

  /** The other direction of the same connection. */
  public TcpFlow reversed() {
    return new TcpFlow(v6, peer, host, destinationPort, sourcePort, timestamps, partial);
  }

  public int tcpHeaderLength() {
    return timestamps ? 32 : 20;
  }

  /** A frame of this direction carrying {@code payload} (IPv4 id ignored for IPv6). */
  public ByteBuf frame(long seq, long ack, int flags, int window, int ipId, long tsval, byte[] payload) {
    int tcpLength = tcpHeaderLength() + payload.length;
    ByteBuf out = Frames.ALLOC.buffer(14 + 40 + tcpLength);
    writeMac(out, peer);
    writeMac(out, host);
    out.writeShort(v6 ? 0x86dd : 0x0800);
    if (v6) {
      out.writeInt(0x6000_0000).writeShort(tcpLength).writeByte(TCP).writeByte(64);
      writeAddress(out, host);
      writeAddress(out, peer);
    } else {
      out.writeByte(0x45).writeByte(0).writeShort(20 + tcpLength).writeShort(ipId & 0xffff).writeShort(0x4000)
          .writeByte(64).writeByte(TCP).writeShort(0);
      writeAddress(out, host);
      writeAddress(out, peer);
      out.setShort(14 + 10, InternetChecksum.finish(InternetChecksum.add(0, out, 14, 20)));
    }
    out.writeShort(sourcePort).writeShort(destinationPort).writeInt((int) seq).writeInt((int) ack)
        .writeByte(tcpHeaderLength() / 4 << 4).writeByte(flags).writeShort(window).writeShort(0).writeShort(0);
    if (timestamps) {
      out.writeByte(1).writeByte(1).writeByte(8).writeByte(10).writeInt((int) tsval).writeInt(0x0bad_cafe);
    }
    out.writeBytes(payload);
    Transport t = Transport.of(out).orElseThrow();
    if (partial) {
      out.setShort(t.checksumOffset(), t.foldedPseudo());
    } else {
      t.complete(out);
    }
    return out;
  }

  private static void writeMac(ByteBuf out, int node) {
    out.writeShort(0x0200).writeInt(node);
  }

  private void writeAddress(ByteBuf out, int node) {
    if (v6) {
      out.writeLong(0xfd00_0000_0000_0000L).writeLong(node);
    } else {
      out.writeInt(0x0a00_0000 | node);
    }
  }
}
