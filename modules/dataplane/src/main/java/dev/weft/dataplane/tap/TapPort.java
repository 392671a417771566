package dev.weft.dataplane.tap;

import dev.weft.dataplane.stats.PortCounters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A TAP device on the dataplane's epoll loop (Netty 4.2's {@code IoHandle} model): readable wake-ups
 * read up to a budget of frames, each into a pooled direct buffer, and hand them to the {@link
 * TapInput}; writes go straight to the descriptor. The registration is level-triggered, so a budget
 * left unspent by a busy device is simply picked up at the next wake-up, after the other ports had
 * their turn. A frame the kernel refuses is counted and dropped; nothing here throws into the loop.
 */
public final class TapPort implements EpollIoHandle {
  /** Frames read per wake-up before other ports get a turn. */
  static final int READ_BUDGET = 64;

  private final TapDevice device;
  private final PortCounters counters;
  private final TapInput input;
  private final ByteBufAllocator alloc;
  private final TapCodec codec;
  private final Consumer<IOException> errors;
  /** Where the codec's frames go: made once, not a capturing lambda per read. */
  private final TapCodec.FrameSink received = this::received;
  private final TapCodec.RawWriter raw = this::writeRaw;

  public TapPort(TapDevice device, PortCounters counters, TapInput input, ByteBufAllocator alloc, TapCodec codec,
      Consumer<IOException> errors) {
    this.device = device;
    this.counters = counters;
    this.input = input;
    this.alloc = alloc;
    this.codec = codec;
    this.errors = errors;
  }

  public TapDevice device() {
    return device;
  }

  public PortCounters counters() {
    return counters;
  }

  @Override
  public FileDescriptor fd() {
    return device.fd();
  }

  /** Starts reading: asks the loop for readable events on this registration. */
  public static void watch(IoRegistration registration) {
    registration.submit(EpollIoOps.EPOLLIN);
  }

  @Override
  public void handle(IoRegistration registration, IoEvent event) {
    EpollIoOps ops = ((EpollIoEvent) event).ops();
    if (ops.contains(EpollIoOps.EPOLLIN) || ops.contains(EpollIoOps.EPOLLERR)) {
      readBatch();
    }
  }

  private void readBatch() {
    try {
      for (int i = 0; i < READ_BUDGET; i++) {
        ByteBuf buf = alloc.directBuffer(codec.readCapacity());
        int n;
        try {
          n = device.fd().readAddress(buf.memoryAddress(), 0, buf.capacity());
        } catch (IOException e) {
          buf.release();
          counters.error();
          errors.accept(e);
          break;
        }
        if (n <= 0) {
          buf.release();
          break;
        }
        buf.writerIndex(n);
        codec.decode(buf, received, counters);
      }
    } finally {
      input.endOfBatch();
    }
  }

  private void received(ByteBuf frame, int gsoSize) {
    counters.received(frame.readableBytes());
    input.frame(this, frame, gsoSize);
  }

  /**
   * Writes one frame, or a batch of {@code gsoSize}-byte TCP segments (0: one frame), taking ownership.
   * False, with the error counted, when the kernel refused it.
   */
  public boolean write(ByteBuf frame, int gsoSize) {
    try {
      return codec.encode(frame, gsoSize, raw);
    } finally {
      frame.release();
    }
  }

  /** Ends a batch of writes: the codec may hold frames back to coalesce them. */
  public void flush() {
    codec.flush(raw);
  }

  private boolean writeRaw(ByteBuf header, ByteBuf frame, int frames) {
    try {
      if (device.write(header, frame, alloc) <= 0) {
        counters.error();
        return false;
      }
      counters.sent(frames, frame.readableBytes());
      return true;
    } catch (IOException e) {
      counters.error();
      errors.accept(e);
      return false;
    }
  }

  @Override
  public void close() {
    codec.close();
    device.close();
  }
}
