package dev.weft.engine.pcap;

import io.netty.buffer.ByteBuf;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Writes the classic libpcap format: a 24-byte global header (magic 0xa1b2c3d4, version 2.4, link type 1
 * = Ethernet) then, per packet, a 16-byte record header (seconds, microseconds, captured and original
 * length) and the frame. Written little-endian, as readers detect the byte order from the magic.
 */
public final class PcapWriter implements Closeable {
  public static final int LINKTYPE_ETHERNET = 1;
  public static final int SNAPLEN = 262_144;

  private final OutputStream out;
  private final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);

  public PcapWriter(OutputStream out) throws IOException {
    this.out = out;
    header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN)
        .putInt(LINKTYPE_ETHERNET);
    out.write(header.array(), 0, 24);
  }

  /** Appends one frame (not consumed); frames longer than the snap length are truncated, as tcpdump does. */
  public void write(Instant time, ByteBuf frame) throws IOException {
    int length = frame.readableBytes();
    int captured = Math.min(length, SNAPLEN);
    header.clear();
    header.putInt((int) time.getEpochSecond()).putInt(time.getNano() / 1000).putInt(captured).putInt(length);
    out.write(header.array(), 0, 16);
    frame.getBytes(frame.readerIndex(), out, captured);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
