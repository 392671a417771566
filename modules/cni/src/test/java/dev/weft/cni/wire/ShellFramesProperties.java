package dev.weft.cni.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cni.wire.ShellFrames.Header;
import dev.weft.cni.wire.ShellFrames.ShellRequest;
import dev.weft.cni.wire.WireFormat.Reply;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ShellFramesProperties {

  @Property
  void requestsRoundTrip(@ForAll("environments") Map<String, String> env, @ForAll @Size(max = 4096) byte[] stdin,
      @ForAll("plugins") String plugin) throws IOException {
    ShellRequest sent = new ShellRequest(plugin, "0123abcd", env, stdin);
    ShellRequest back = read(write(sent));
    assertThat(back.plugin()).isEqualTo(plugin);
    assertThat(back.token()).isEqualTo("0123abcd");
    assertThat(back.env()).containsExactlyEntriesOf(env);
    assertThat(back.stdin()).isEqualTo(stdin);
  }

  @Property
  void repliesRoundTrip(@ForAll @IntRange(min = 0, max = 1) int status, @ForAll @IntRange(min = 0, max = 255) int exit,
      @ForAll @Size(max = 2048) byte[] stdout, @ForAll @Size(max = 2048) byte[] stderr) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShellFrames.writeReply(out, "r3ply", new Reply(status, exit, stdout, stderr));
    Reply back = ShellFrames.readReply(new ByteArrayInputStream(out.toByteArray()), "r3ply");
    assertThat(back.status()).isEqualTo(status);
    assertThat(back.exitCode()).isEqualTo(exit);
    assertThat(back.stdout()).isEqualTo(stdout);
    assertThat(back.stderr()).isEqualTo(stderr);
  }

  @Property(tries = 50)
  void aReplyWithoutTheReplyTokenIsRefused(@ForAll @Size(max = 64) byte[] stdout, @ForAll("plugins") String forged)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShellFrames.writeReply(out, forged, new Reply(0, 0, stdout, new byte[0]));
    assertThatThrownBy(() -> ShellFrames.readReply(new ByteArrayInputStream(out.toByteArray()), "r3ply"))
        .isInstanceOf(IOException.class).hasMessageContaining("reply token");
  }

  @Property
  void truncatedRequestsAreErrors(@ForAll("environments") Map<String, String> env,
      @ForAll @Size(min = 1, max = 256) byte[] stdin, @ForAll @IntRange(min = 1, max = 300) int cut) {
    byte[] whole = write(new ShellRequest("weft", "t", env, stdin));
    byte[] truncated = Arrays.copyOf(whole, Math.max(0, whole.length - cut));
    assertThatThrownBy(() -> read(truncated)).isInstanceOf(IOException.class);
  }

  @Property
  void garbageNeverParsesAsARequest(@ForAll @Size(max = 512) byte[] garbage) {
    byte[] framed = new byte[garbage.length + 1];
    framed[0] = 'X'; // anything but the magic's first byte
    System.arraycopy(garbage, 0, framed, 1, garbage.length);
    assertThatThrownBy(() -> read(framed)).isInstanceOf(IOException.class);
  }

  @Property(tries = 20)
  void anOverlongHeaderLineIsRefusedWithoutReadingOn(@ForAll @IntRange(min = 1, max = 1000) int extra) {
    byte[] line = ("WEFT-SH1 weft " + "x".repeat(ShellFrames.MAX_LINE + extra) + " 0\n").getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ShellFrames.readHeader(new ByteArrayInputStream(line)))
        .isInstanceOf(IOException.class).hasMessageContaining("longer than");
  }

  @Property(tries = 50)
  void variablesOtherThanCniAndWeftAreRefused(@ForAll("names") String name) {
    byte[] frame = ("WEFT-SH1 weft t 0\t" + name + "=x\n").getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> read(frame)).isInstanceOf(IOException.class).hasMessageContaining("variable");
  }

  @Provide
  Arbitrary<Map<String, String>> environments() {
    Arbitrary<String> names = Arbitraries.of("CNI_", "WEFT_").flatMap(p -> Arbitraries.strings()
        .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789").ofMaxLength(16).map(s -> p + s));
    Arbitrary<String> values = Arbitraries.strings().all().ofMaxLength(120)
        .filter(v -> v.indexOf('\n') < 0 && v.indexOf('\t') < 0 && v.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    return Arbitraries.maps(names, values).ofMaxSize(10).map(LinkedHashMap::new);
  }

  @Provide
  Arbitrary<String> plugins() {
    return Arbitraries.of("weft", "weft-ipam");
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ_=").ofMinLength(0).ofMaxLength(12)
        .filter(n -> !n.startsWith("CNI_") && !n.startsWith("WEFT_"));
  }

  private static byte[] write(ShellRequest r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ShellFrames.writeRequest(out, r);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static ShellRequest read(byte[] frame) throws IOException {
    InputStream in = new ByteArrayInputStream(frame);
    Header header = ShellFrames.readHeader(in);
    return ShellFrames.readBody(in, header);
  }
}
