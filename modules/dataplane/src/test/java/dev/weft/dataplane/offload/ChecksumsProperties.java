package dev.weft.dataplane.offload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.packet.InternetChecksum;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ChecksumsProperties {

  /** The 8-bytes-a-step sum folds to what the engine's reference sum folds to, at any offset and length, heap or direct. */
  @Property(tries = 2000)
  void agreesWithTheReferenceSum(@ForAll @Size(max = 3000) byte[] data, @ForAll @IntRange(max = 9) int skip,
      @ForAll @IntRange(max = 0x3ffff) int start, @ForAll boolean direct) {
    ByteBuf buf = (direct ? Unpooled.directBuffer(skip + data.length) : Unpooled.buffer(skip + data.length))
        .writeZero(skip).writeBytes(data);
    try {
      long fast = Checksums.add(start, buf, skip, data.length);
      long reference = InternetChecksum.add(start, buf, skip, data.length);
      assertThat(InternetChecksum.finish(fast)).isEqualTo(InternetChecksum.finish(reference));
    } finally {
      buf.release();
    }
  }
}
