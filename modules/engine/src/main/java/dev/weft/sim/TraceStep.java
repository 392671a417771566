package dev.weft.sim;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.packet.Header;
import java.util.List;

/**
 * One step of a trace. {@code depth} grows by one wherever a device sent out several copies (a flood, a
 * head-end replication, fragments), so a renderer can indent branches.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "step")
public sealed interface TraceStep {
  int depth();

  Role role();

  /** The packet as the source sends it. */
  record Sent(int depth, Role role, Location at, List<Header> headers) implements TraceStep {
    public Sent {
      headers = List.copyOf(headers);
    }
  }

  /** A device decided something. */
  record Decision(int depth, Role role, Location at, ForwardingEvent event) implements TraceStep {}

  /**
   * A frame crossed the link at {@code port} from one device to another; {@code headers} is empty unless
   * they differ from the last ones shown on this branch.
   */
  record Crossed(int depth, Role role, String link, Location from, Location to, List<Header> headers) implements TraceStep {
    public Crossed {
      headers = List.copyOf(headers);
    }
  }

  /** The simulator stopped a packet that came back to where it had been. */
  record LoopDetected(int depth, Role role, Location at, String detail) implements TraceStep {}

  /** A frame left by a port that has no link (a TAP, an unplugged uplink). */
  record NoCarrier(int depth, Role role, Location at, String port) implements TraceStep {}
}
