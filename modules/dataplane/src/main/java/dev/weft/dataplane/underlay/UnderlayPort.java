package dev.weft.dataplane.underlay;

import dev.weft.dataplane.stats.PortCounters;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * One underlay UDP socket on the event loop: a Netty native epoll datagram channel over a descriptor
 * made in the host's namespace. Reads use recvmmsg ({@link #BATCH} datagrams of at most {@link
 * #MAX_DATAGRAM} bytes per call); writes queue without flushing, and {@link #flush} hands the whole
 * queue to sendmmsg. A full socket drops (and counts) rather than queueing without bound, as a kernel
 * tunnel would.
 */
public final class UnderlayPort {
  /** Datagrams per recvmmsg call. */
  static final int BATCH = 8;
  /**
   * Largest datagram read whole: any UDP payload. Datagrams beyond the underlay MTU do arrive: a kernel
   * VXLAN sender on a veth underlay delivers its GSO packets (one inner TCP segment of up to 64 KiB) to a
   * UDP socket without cutting them.
   */
  public static final int MAX_DATAGRAM = 65_536;
  private static final int SOCKET_BUFFER = 4 << 20;
  /** Whether this kernel and Netty send with UDP_SEGMENT and receive with UDP_GRO (Linux 4.18 and 5.0 on). */
  public static final boolean SEGMENTATION = SegmentedDatagramPacket.isSupported();
  /** The largest UDP payload of one send over IPv4 (65,535 less the IP and UDP headers). */
  private static final int MAX_SEND = 65_507;
  /** Segments per UDP_SEGMENT send: the kernel's UDP_MAX_SEGMENTS before 6.9 (128 since). */
  private static final int MAX_SEGMENTS = 64;

  private final Encapsulation encapsulation;
  private final IpAddress local;
  private final int port;
  private final PortCounters counters;
  private final EpollDatagramChannel channel;

  private UnderlayPort(Encapsulation encapsulation, IpAddress local, int port, PortCounters counters,
      EpollDatagramChannel channel) {
    this.encapsulation = encapsulation;
    this.local = local;
    this.port = port;
    this.counters = counters;
    this.channel = channel;
  }

  /** Wraps a bound descriptor (see {@link UdpSockets}); register {@link #channel()} on the loop next. */
  public static UnderlayPort wrap(int fd, Encapsulation encapsulation, IpAddress local, int port, UnderlayInput input,
      Consumer<Throwable> errors) {
    PortCounters counters = new PortCounters(encapsulation.label() + "/" + local + ":" + port, "underlay");
    EpollDatagramChannel channel = new EpollDatagramChannel(fd);
    channel.config().setOption(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM);
    channel.config().setOption(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(BATCH * MAX_DATAGRAM));
    boolean gro = SEGMENTATION && encapsulation == Encapsulation.VXLAN;
    if (gro) {
      // consecutive datagrams of one flow arrive as one read, cut into datagrams again (VxlanGroSplitter),
      // so the switchboard can merge their TCP segments back into one batch
      channel.config().setOption(EpollChannelOption.UDP_GRO, true);
    }
    channel.config().setOption(ChannelOption.SO_RCVBUF, SOCKET_BUFFER);
    channel.config().setOption(ChannelOption.SO_SNDBUF, SOCKET_BUFFER);
    channel.config().setOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(SOCKET_BUFFER / 2, SOCKET_BUFFER));
    UnderlayPort p = new UnderlayPort(encapsulation, local, port, counters, channel);
    channel.pipeline().addLast(new Reader(p, input, errors, gro));
    return p;
  }

  public Encapsulation encapsulation() {
    return encapsulation;
  }

  public IpAddress local() {
    return local;
  }

  public int port() {
    return port;
  }

  public PortCounters counters() {
    return counters;
  }

  public EpollDatagramChannel channel() {
    return channel;
  }

  /** Queues one datagram (taking ownership); false, counted, when the socket is backed up or closed. */
  public boolean send(DatagramPacket datagram) {
    if (refuses()) {
      datagram.release();
      return false;
    }
    counters.sent(datagram.content().readableBytes());
    channel.write(datagram, channel.voidPromise());
    return true;
  }

  /**
   * Queues datagrams laid end to end in {@code segments} (taking ownership), each {@code stride} bytes
   * but the last, with UDP segmentation offload: one send per up to {@value #MAX_SEGMENTS} of them, which
   * the kernel cuts. Only where {@link #SEGMENTATION} holds (else send them one by one). False, counted,
   * when the socket is backed up or closed.
   */
  public boolean sendSegments(ByteBuf segments, int stride, InetSocketAddress recipient) {
    try {
      if (!SEGMENTATION) {
        throw new UnsupportedOperationException("no UDP segmentation offload here");
      }
      if (refuses()) {
        return false;
      }
      int total = segments.readableBytes();
      counters.sent((total + stride - 1) / stride, total);
      int perSend = Math.max(1, Math.min(MAX_SEGMENTS, MAX_SEND / stride));
      for (int at = segments.readerIndex(); at < segments.writerIndex(); at += perSend * stride) {
        int length = Math.min(perSend * stride, segments.writerIndex() - at);
        ByteBuf part = segments.retainedSlice(at, length);
        channel.write(length > stride ? new SegmentedDatagramPacket(part, stride, recipient) : new DatagramPacket(part, recipient),
            channel.voidPromise());
      }
      return true;
    } finally {
      segments.release();
    }
  }

  /** Whether the socket cannot take a send now (backed up or closed); counted as an error. */
  private boolean refuses() {
    if (channel.isActive() && channel.isWritable()) {
      return false;
    }
    counters.error();
    return true;
  }

  public void flush() {
    channel.flush();
  }

  public void close() {
    channel.close();
  }

  /** The channel's only handler: counts and forwards reads; failed sends arrive here as exceptions. */
  private static final class Reader extends ChannelInboundHandlerAdapter {
    private final UnderlayPort port;
    private final UnderlayInput input;
    private final Consumer<Throwable> errors;
    private final boolean gro;
    private final Consumer<DatagramPacket> one = this::one;

    Reader(UnderlayPort port, UnderlayInput input, Consumer<Throwable> errors, boolean gro) {
      this.port = port;
      this.input = input;
      this.errors = errors;
      this.gro = gro;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof DatagramPacket d) {
        if (gro) {
          VxlanGroSplitter.split(d, one);
        } else {
          one(d);
        }
      } else {
        io.netty.util.ReferenceCountUtil.release(msg);
      }
    }

    private void one(DatagramPacket d) {
      port.counters.received(d.content().readableBytes());
      input.datagram(port, d);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      input.endOfBatch();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      port.counters.error();
      errors.accept(cause);
    }
  }
}
