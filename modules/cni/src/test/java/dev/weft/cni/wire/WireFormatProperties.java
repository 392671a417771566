package dev.weft.cni.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cni.wire.WireFormat.Reply;
import dev.weft.cni.wire.WireFormat.Request;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class WireFormatProperties {

  @Property
  void requestsRoundTrip(@ForAll @Size(max = 12) Map<@StringLength(max = 40) String, @StringLength(max = 200) String> env,
      @ForAll @Size(max = 4096) byte[] stdin, @ForAll @StringLength(max = 40) String ns) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WireFormat.writeRequest(out, new Request(ns, env, stdin));
    Request back = WireFormat.readRequest(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.env()).isEqualTo(env);
    assertThat(back.stdin()).isEqualTo(stdin);
    assertThat(back.namespaceId()).isEqualTo(ns);
  }

  @Property
  void repliesRoundTrip(@ForAll @IntRange(min = 0, max = 1) int status, @ForAll int exit,
      @ForAll @Size(max = 2048) byte[] stdout, @ForAll @Size(max = 2048) byte[] stderr) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WireFormat.writeReply(out, new Reply(status, exit, stdout, stderr));
    Reply back = WireFormat.readReply(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.status()).isEqualTo(status);
    assertThat(back.exitCode()).isEqualTo(exit);
    assertThat(back.stdout()).isEqualTo(stdout);
    assertThat(back.stderr()).isEqualTo(stderr);
  }

  @Property
  void truncatedFramesAreErrors(@ForAll @Size(min = 1, max = 64) byte[] stdin, @ForAll @IntRange(min = 1, max = 20) int cut)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WireFormat.writeReply(out, new Reply(0, 0, stdin, new byte[0]));
    byte[] whole = out.toByteArray();
    byte[] truncated = Arrays.copyOf(whole, Math.max(0, whole.length - cut));
    assertThatThrownBy(() -> WireFormat.readReply(new ByteArrayInputStream(truncated))).isInstanceOf(IOException.class);
  }
}
