package dev.weft.sim;

/**
 * One packet to trace.
 *
 * @param size the IP packet's total length in bytes, headers included
 * @param dontFragment set DF (IPv4); IPv6 packets are never fragmented by routers anyway
 */
public record TraceRequest(
    Endpoint from, Target to, Protocol protocol, int sourcePort, int destinationPort, int size, boolean dontFragment) {
  public static final int DEFAULT_SOURCE_PORT = 40000;
  public static final int DEFAULT_DESTINATION_PORT = 80;
  public static final int DEFAULT_SIZE = 100;
  public static final int MAX_SIZE = 65535;

  public TraceRequest {
    checkPort("source port", sourcePort);
    checkPort("destination port", destinationPort);
    if (size < minimumSize(protocol) || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be " + minimumSize(protocol) + ".." + MAX_SIZE + " bytes for "
          + protocol.keyword() + " (IPv4 and " + protocol.keyword() + " headers included), was " + size);
    }
  }

  /** TCP to port 80 from port 40000, 100 bytes, DF set. */
  public static TraceRequest of(Endpoint from, Target to) {
    return new TraceRequest(from, to, Protocol.TCP, DEFAULT_SOURCE_PORT, DEFAULT_DESTINATION_PORT, DEFAULT_SIZE, true);
  }

  public TraceRequest withProtocol(Protocol p, int destinationPort) {
    return new TraceRequest(from, to, p, sourcePort, destinationPort, size, dontFragment);
  }

  public TraceRequest withSize(int bytes, boolean df) {
    return new TraceRequest(from, to, protocol, sourcePort, destinationPort, bytes, df);
  }

  /** The smallest IPv4 packet that holds the protocol's header. */
  public static int minimumSize(Protocol protocol) {
    return 20 + (protocol == Protocol.TCP ? 20 : 8);
  }

  private static void checkPort(String what, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(what + " must be 0..65535, was " + port);
    }
  }
}
