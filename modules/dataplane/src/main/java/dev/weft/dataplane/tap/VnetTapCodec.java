package dev.weft.dataplane.tap;

import dev.weft.dataplane.offload.Checksums;
import dev.weft.dataplane.offload.TcpCoalescer;
import dev.weft.dataplane.offload.Transport;
import dev.weft.dataplane.offload.VnetHeader;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.engine.packet.InternetChecksum;
import dev.weft.engine.packet.IpProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Optional;

/**
 * A TAP with IFF_VNET_HDR and TCP/checksum offload: the kernel hands over TCP segments of up to 64 KiB
 * and frames whose checksum is still to be done. A batch goes on whole with its segment size (the
 * handlers judge it by its largest segment, and it is cut only where it leaves: on a plain TAP or the
 * underlay); a lone frame's pending checksum is completed on read. A batch written back goes whole
 * with its virtio-net header; consecutive segments of a flow within one write batch are merged into one
 * (see {@link TcpCoalescer}); a lone frame whose checksum a kernel left partial is passed on as partial,
 * for the pod's kernel to trust. The header goes in front by a vectored write, without copying the frame.
 */
public final class VnetTapCodec implements TapCodec {
  private static final int READ_CAPACITY = VnetHeader.LENGTH + 65_535 + 18;

  private final TcpCoalescer coalescer;
  /** The virtio-net header of the write in hand, rewritten per write. */
  private final ByteBuf header;

  public VnetTapCodec(ByteBufAllocator alloc) {
    this.coalescer = new TcpCoalescer(alloc, 0);
    this.header = alloc.directBuffer(VnetHeader.LENGTH, VnetHeader.LENGTH);
  }

  @Override
  public int readCapacity() {
    return READ_CAPACITY;
  }

  @Override
  public void decode(ByteBuf read, FrameSink frames, PortCounters counters) {
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
      frames.frame(read, 0);
      return;
    }
    Optional<Transport> tcp = Transport.of(read).filter(t -> t.protocol() == IpProtocol.TCP);
    if ((h.gso() != VnetHeader.GSO_TCPV4 && h.gso() != VnetHeader.GSO_TCPV6) || tcp.isEmpty() || h.gsoSize() == 0) {
      read.release();
      counters.error();
      return;
    }
    if (!tcp.get().tcpBatch(read, h.gsoSize())) {
      finishChecksum(read, h);
      frames.frame(read, 0);
      return;
    }
    frames.frame(read, h.gsoSize());
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
  public boolean encode(ByteBuf frame, int gsoSize, RawWriter writer) {
    if (coalescer.extend(frame)) {
      return true;
    }
    Optional<Transport> t = Transport.of(frame);
    if (t.isPresent() && t.get().tcpBatch(frame, gsoSize)) {
      boolean ok = flushBatch(writer);
      return writeBatch(frame, t.get(), gsoSize, writer) && ok;
    }
    TcpCoalescer.Offer offer = t.isPresent() ? coalescer.offer(frame, t.get()) : TcpCoalescer.Offer.ALONE;
    if (offer == TcpCoalescer.Offer.JOINED) {
      return true;
    }
    boolean ok = flushBatch(writer);
    if (offer == TcpCoalescer.Offer.NEXT) {
      coalescer.startWith(frame, t.get());
      return ok;
    }
    return writeOne(frame, t, writer) && ok;
  }

  @Override
  public void flush(RawWriter writer) {
    flushBatch(writer);
  }

  @Override
  public void close() {
    coalescer.take().ifPresent(b -> b.frame().release());
    header.release();
  }

  private boolean flushBatch(RawWriter writer) {
    Optional<TcpCoalescer.Batch> batch = coalescer.take();
    if (batch.isEmpty()) {
      return true;
    }
    ByteBuf frame = batch.get().frame();
    try {
      return batch.get().gsoSize() > 0
          ? writeBatch(frame, Transport.of(frame).orElseThrow(), batch.get().gsoSize(), writer)
          : writeOne(frame, Transport.of(frame), writer);
    } finally {
      batch.get().frame().release();
    }
  }

  /** A batch goes whole; the pod's kernel completes each segment's checksum from the pseudo-header sum. */
  private boolean writeBatch(ByteBuf frame, Transport t, int gsoSize, RawWriter writer) {
    frame.setShort(frame.readerIndex() + t.checksumOffset(), t.foldedPseudo());
    int segments = (t.tcpPayload(frame) + gsoSize - 1) / gsoSize;
    return write(VnetHeader.tcpBatch(t, frame, gsoSize), frame, segments, writer);
  }

  /** One frame, marked "checksum pending" when a kernel left it partial. */
  private boolean writeOne(ByteBuf frame, Optional<Transport> t, RawWriter writer) {
    VnetHeader h = t.isPresent() && t.get().partial(frame) ? VnetHeader.partialChecksum(t.get()) : VnetHeader.NONE;
    return write(h, frame, 1, writer);
  }

  private boolean write(VnetHeader h, ByteBuf frame, int frames, RawWriter writer) {
    header.clear();
    h.write(header);
    return writer.write(header, frame, frames);
  }
}
