package dev.weft.sim.run;

import dev.weft.engine.message.NeighborTimeout;
import dev.weft.sim.Location;
import dev.weft.sim.fabric.DeviceSpec;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/** A live device of a run: its spec, its location and the channel its handlers run on. */
final class Device {
  private final DeviceSpec spec;
  private final Location location;
  private final EmbeddedChannel channel;

  Device(DeviceSpec spec, EmbeddedChannel channel) {
    this.spec = spec;
    this.location = Locations.of(spec);
    this.channel = channel;
  }

  DeviceSpec spec() {
    return spec;
  }

  Location location() {
    return location;
  }

  /** Feeds one message in (as a write when {@code outbound}) and returns everything the device emitted. */
  List<Object> process(Object message, boolean outbound) {
    if (outbound) {
      channel.writeOutbound(message);
    } else {
      channel.writeInbound(message);
    }
    return drain();
  }

  /** Tells the device that pending neighbour resolutions have failed. */
  List<Object> timeout() {
    channel.pipeline().fireUserEventTriggered(NeighborTimeout.INSTANCE);
    channel.runPendingTasks();
    channel.checkException();
    return drain();
  }

  private List<Object> drain() {
    List<Object> out = new ArrayList<>();
    for (Object o; (o = channel.readInbound()) != null; ) {
      out.add(o);
    }
    for (Object o; (o = channel.readOutbound()) != null; ) {
      out.add(o);
    }
    return out;
  }

  void close() {
    channel.finishAndReleaseAll();
  }
}
