package dev.weft.engine.testing;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/** Drains what an EmbeddedChannel produced; callers release with {@link #release}. */
public final class Channels {
  private Channels() {}

  public static List<Object> inbound(EmbeddedChannel ch) {
    List<Object> out = new ArrayList<>();
    for (Object o; (o = ch.readInbound()) != null; ) {
      out.add(o);
    }
    return out;
  }

  public static List<Object> outbound(EmbeddedChannel ch) {
    List<Object> out = new ArrayList<>();
    for (Object o; (o = ch.readOutbound()) != null; ) {
      out.add(o);
    }
    return out;
  }

  public static void release(List<?> messages) {
    messages.forEach(ReferenceCountUtil::release);
  }
}
