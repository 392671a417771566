package dev.weft.dataplane.tap;

import dev.weft.dataplane.offload.Checksums;
import dev.weft.dataplane.offload.TcpCoalescer;
import dev.weft.dataplane.offload.TcpSegmenter;
import dev.weft.dataplane.offload.Transport;
import dev.weft.dataplane.offload.VnetHeader;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.engine.packet.InternetChecksum;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A TAP with IFF_VNET_HDR and TCP/checksum offload: the kernel hands over TCP segments of up to 64 KiB
 * and frames whose checksum is still to be done; the dataplane hands back merged segments. Reads become
 * MTU-sized frames with complete checksums (segmented here, per the header's {@code gso_size}); writes of
 * consecutive segments of a flow within one batch become one large write (see {@link TcpCoalescer}), and
 * a lone frame whose checksum a kernel left partial is passed on as partial, for the pod's kernel to
 * trust, instead of being summed here. The syscalls per byte fall by the segments per batch (up to ~45).
 */
public final class VnetTapCodec implements TapCodec {
  private static final int READ_CAPACITY = VnetHeader.LENGTH + 65_535 + 18;

  private final ByteBufAllocator alloc;
  private final TcpCoalescer coalescer;

  public VnetTapCodec(ByteBufAllocator alloc) {
    this.alloc = alloc;
    this.coalescer = new TcpCoalescer(alloc);
  }

  @Override
  public int readCapacity() {
    return READ_CAPACITY;
  }

  @Override
  public void decode(ByteBuf read, Consumer<ByteBuf> frames, PortCounters counters) {
    if (read.readableBytes() < VnetHeader.LENGTH + 14) {
      read.release();
      counters.error();
      return;
    }
    VnetHeader h = VnetHeader.read(read, read.readerIndex());
    read.skipBytes(VnetHeader.LENGTH);
    if (h.gso() == VnetHeader.GSO_NONE) {
      if (h.needsChecksum()) {
        finishChecksum(read, h);
      }
      frames.accept(read);
      return;
    }
    Optional<Transport> tcp = Transport.of(read);
    if ((h.gso() != VnetHeader.GSO_TCPV4 && h.gso() != VnetHeader.GSO_TCPV6) || tcp.isEmpty() || h.gsoSize() == 0) {
      read.release();
      counters.error();
      return;
    }
    List<ByteBuf> pieces;
    try {
      pieces = TcpSegmenter.segment(read, tcp.get(), h.gsoSize(), alloc);
    } finally {
      read.release();
    }
    pieces.forEach(frames);
  }

  /** Completes the checksum at csum_start + csum_offset over the bytes from csum_start on. */
  private static void finishChecksum(ByteBuf frame, VnetHeader h) {
    int start = frame.readerIndex() + h.csumStart();
    int field = start + h.csumOffset();
    if (h.csumStart() >= frame.readableBytes() || field + 2 > frame.writerIndex()) {
      return;
    }
    int sum = InternetChecksum.finish(Checksums.add(0, frame, start, frame.writerIndex() - start));
    // a computed zero in UDP (checksum at offset 6) is sent as all ones; zero means "none" there
    frame.setShort(field, sum == 0 && h.csumOffset() == 6 ? 0xffff : sum);
  }

  @Override
  public boolean encode(ByteBuf frame, RawWriter writer) {
    Optional<Transport> t = Transport.of(frame);
    TcpCoalescer.Offer offer = t.isPresent() ? coalescer.offer(frame, t.get()) : TcpCoalescer.Offer.ALONE;
    if (offer == TcpCoalescer.Offer.JOINED) {
      return true;
    }
    boolean ok = flushBatch(writer);
    if (offer == TcpCoalescer.Offer.NEXT) {
      coalescer.startWith(frame, t.get());
      return ok;
    }
    VnetHeader h = t.isPresent() && t.get().partial(frame) ? VnetHeader.partialChecksum(t.get()) : VnetHeader.NONE;
    ByteBuf out = alloc.directBuffer(VnetHeader.LENGTH + frame.readableBytes());
    try {
      h.write(out);
      out.writeBytes(frame, frame.readerIndex(), frame.readableBytes());
      return writer.write(out, 1, frame.readableBytes()) && ok;
    } finally {
      out.release();
    }
  }

  @Override
  public void flush(RawWriter writer) {
    flushBatch(writer);
  }

  private boolean flushBatch(RawWriter writer) {
    Optional<TcpCoalescer.Batch> batch = coalescer.take();
    if (batch.isEmpty()) {
      return true;
    }
    try {
      return writer.write(batch.get().bytes(), batch.get().frames(), batch.get().frameBytes());
    } finally {
      batch.get().bytes().release();
    }
  }
}
