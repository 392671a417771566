package dev.weft.dataplane.testing;

import dev.weft.dataplane.forward.DatagramPort;
import dev.weft.dataplane.forward.FramePort;
import dev.weft.dataplane.forward.TunnelBatchPort;
import dev.weft.dataplane.offload.TunnelGsoHeader;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Stand-ins for TAPs and underlay sockets: they count what the switchboard hands them and keep or release it. */
public final class FakePorts {
  private FakePorts() {}

  /** A TAP that keeps the frames written to it (release them with {@link #clear}) unless told to drop them. */
  public static final class Tap implements FramePort {
    private final PortCounters counters;
    private final boolean keep;
    public final List<ByteBuf> written = new ArrayList<>();
    /** The segment size each write came with (0: one frame). */
    public final List<Integer> batches = new ArrayList<>();
    public long count;

    public Tap(String name, boolean keep) {
      this.counters = new PortCounters(name, "tap");
      this.keep = keep;
    }

    @Override
    public PortCounters counters() {
      return counters;
    }

    @Override
    public boolean write(ByteBuf frame, int gsoSize) {
      count++;
      batches.add(gsoSize);
      counters.sent(frame.readableBytes());
      if (keep) {
        written.add(frame);
      } else {
        frame.release();
      }
      return true;
    }

    @Override
    public void flush() {
    }

    public void clear() {
      written.forEach(ByteBuf::release);
      written.clear();
      batches.clear();
    }
  }

  /** An underlay socket that keeps the datagrams sent on it (release them with {@link #clear}) unless told not to. */
  public static final class Socket implements DatagramPort {
    private final PortCounters counters;
    private final boolean keep;
    public final List<DatagramPacket> sent = new ArrayList<>();
    public long count;
    public int flushes;

    public Socket(String name, boolean keep) {
      this.counters = new PortCounters(name, "underlay");
      this.keep = keep;
    }

    @Override
    public PortCounters counters() {
      return counters;
    }

    @Override
    public boolean send(DatagramPacket datagram) {
      count++;
      counters.sent(datagram.content().readableBytes());
      if (keep) {
        sent.add(datagram);
      } else {
        datagram.release();
      }
      return true;
    }

    @Override
    public void flush() {
      flushes++;
    }

    public void clear() {
      sent.forEach(DatagramPacket::release);
      sent.clear();
    }
  }

  /** A tunnel batch port that keeps what it takes (release with {@link #clear}), or declines everything. */
  public static final class TunnelBatches implements TunnelBatchPort {
    /** One batch handed over. */
    public record Sent(ByteBuf payload, TunnelGsoHeader.Inner inner, int gsoSize, IpAddress local, int localPort,
        InetSocketAddress to) {}

    private final PortCounters counters = new PortCounters("tunnel-gso", "underlay");
    private final boolean takes;
    public final List<Sent> sent = new ArrayList<>();
    public int declined;

    public TunnelBatches(boolean takes) {
      this.takes = takes;
    }

    @Override
    public PortCounters counters() {
      return counters;
    }

    @Override
    public boolean send(ByteBuf payload, TunnelGsoHeader.Inner inner, int gsoSize, IpAddress local, int localPort,
        InetSocketAddress to) {
      if (!takes) {
        declined++;
        return false;
      }
      sent.add(new Sent(payload, inner, gsoSize, local, localPort, to));
      return true;
    }

    public void clear() {
      sent.forEach(s -> s.payload().release());
      sent.clear();
    }
  }
}
