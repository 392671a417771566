package dev.weft.dataplane;

import dev.weft.dataplane.forward.DatagramPort;
import dev.weft.dataplane.forward.FramePort;
import dev.weft.dataplane.forward.Switchboard;
import dev.weft.dataplane.plan.SocketPlan;
import dev.weft.dataplane.provision.ProvisionedPod;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.dataplane.tap.PlainTapCodec;
import dev.weft.dataplane.tap.TapCodec;
import dev.weft.dataplane.tap.TapInput;
import dev.weft.dataplane.tap.TapPort;
import dev.weft.dataplane.tap.VnetTapCodec;
import dev.weft.dataplane.underlay.TunnelGsoPort;
import dev.weft.dataplane.underlay.UdpSockets;
import dev.weft.dataplane.underlay.UnderlayInput;
import dev.weft.dataplane.underlay.UnderlayPort;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Puts a host's TAPs and underlay sockets on the event loop and connects them to the switchboard: each
 * TAP becomes a Netty {@code IoHandle} registration, each socket an epoll datagram channel.
 */
final class Ports {
  private static final System.Logger LOG = System.getLogger("dev.weft.dataplane");
  /** A port on the loop; {@link #close} runs on the loop. */
  interface Attached {
    PortCounters counters();

    void close();
  }

  private final LinuxDriver driver;
  private final IoEventLoop loop;
  private final Switchboard switchboard;
  private final Consumer<Throwable> errors;
  private final boolean offloads;

  Ports(LinuxDriver driver, IoEventLoop loop, Switchboard switchboard, Consumer<Throwable> errors, boolean offloads) {
    this.driver = driver;
    this.loop = loop;
    this.switchboard = switchboard;
    this.errors = errors;
    this.offloads = offloads;
  }

  List<Attached> taps(ProvisionedPod pod) {
    List<Attached> out = new ArrayList<>();
    for (ProvisionedPod.Tap t : pod.taps()) {
      InterfaceRef ref = t.iface().ref();
      PortCounters counters = new PortCounters(ref.toString(), "tap");
      TapInput input = new TapInput() {
        @Override
        public void frame(TapPort port, ByteBuf frame, int gsoSize) {
          switchboard.fromTap(ref, frame, gsoSize);
        }

        @Override
        public void endOfBatch() {
          switchboard.endOfBatch();
        }
      };
      TapCodec codec = offloads ? new VnetTapCodec(ByteBufAllocator.DEFAULT) : new PlainTapCodec(t.iface().mtu().value());
      TapPort port = new TapPort(t.device(), counters, input, ByteBufAllocator.DEFAULT, codec, errors::accept);
      IoRegistration registration = loop.register(port).syncUninterruptibly().getNow();
      Set<IpAddress> own = t.iface().addresses().stream().map(InterfaceAddress::address).collect(Collectors.toSet());
      onLoop(() -> {
        switchboard.attachTap(ref, framePort(port), own);
        TapPort.watch(registration);
        return null;
      });
      out.add(attached(counters, () -> {
        registration.cancel();
        port.close();
      }));
    }
    return out;
  }

  Attached socket(SocketPlan s, NetnsRef hostNamespace) {
    int fd = UdpSockets.open(driver.threads(), hostNamespace, s.local(), s.port(), UnderlayPort.SEGMENTATION);
    UnderlayInput input = new UnderlayInput() {
      @Override
      public void datagram(UnderlayPort port, DatagramPacket datagram) {
        switchboard.fromUnderlay(s, datagram);
      }

      @Override
      public void endOfBatch() {
        switchboard.endOfBatch();
      }
    };
    UnderlayPort port;
    try {
      port = UnderlayPort.wrap(fd, s.encapsulation(), s.local(), s.port(), input, errors);
      loop.register(port.channel()).syncUninterruptibly();
    } catch (RuntimeException e) {
      closeQuietly(fd);
      throw new DataplaneStartException("cannot put underlay socket " + s + " on the event loop: " + e.getMessage(), e);
    }
    onLoop(() -> {
      switchboard.attachSocket(s, datagramPort(port), offloads);
      return null;
    });
    return attached(port.counters(), port::close);
  }

  /**
   * The tunnel segmentation port in the host's namespace ({@link TunnelGsoPort}), or empty, with the
   * reason logged, when this host's kernel cannot take it.
   */
  Optional<Attached> tunnelBatches(NetnsRef hostNamespace) {
    TunnelGsoPort port;
    try {
      port = TunnelGsoPort.open(driver, hostNamespace, ByteBufAllocator.DEFAULT, errors);
    } catch (TunnelGsoPort.Unavailable e) {
      LOG.log(System.Logger.Level.INFO, "tunnel segmentation offload off, VXLAN batches are cut in userspace: " + e.getMessage());
      return Optional.empty();
    }
    onLoop(() -> {
      switchboard.attachTunnelBatches(port);
      return null;
    });
    return Optional.of(attached(port.counters(), port::close));
  }

  private static Attached attached(PortCounters counters, Runnable close) {
    return new Attached() {
      @Override
      public PortCounters counters() {
        return counters;
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }

  private static FramePort framePort(TapPort port) {
    return new FramePort() {
      @Override
      public PortCounters counters() {
        return port.counters();
      }

      @Override
      public boolean write(ByteBuf frame, int gsoSize) {
        return port.write(frame, gsoSize);
      }

      @Override
      public void flush() {
        port.flush();
      }
    };
  }

  private static DatagramPort datagramPort(UnderlayPort port) {
    return new DatagramPort() {
      @Override
      public PortCounters counters() {
        return port.counters();
      }

      @Override
      public boolean send(DatagramPacket datagram) {
        return port.send(datagram);
      }

      @Override
      public boolean sendSegments(ByteBuf segments, int stride, InetSocketAddress recipient) {
        return UnderlayPort.SEGMENTATION
            ? port.sendSegments(segments, stride, recipient)
            : DatagramPort.super.sendSegments(segments, stride, recipient);
      }

      @Override
      public void flush() {
        port.flush();
      }
    };
  }

  private static void closeQuietly(int fd) {
    try {
      new FileDescriptor(fd).close();
    } catch (IOException ignored) {
      // the socket was never used
    }
  }

  private <T> T onLoop(Callable<T> task) {
    return loop.submit(task).syncUninterruptibly().getNow();
  }
}
