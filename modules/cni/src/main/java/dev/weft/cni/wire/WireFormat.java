package dev.weft.cni.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The framing between {@code weft} (the thin client) and {@code weft-cnid}: one request and one reply
 * per connection, length-prefixed, so neither side parses JSON to move it.
 *
 * <pre>
 * request: "WEFT1" | u8 namespace-id length + bytes | u16 n | n × (key, value) | u32 stdin length + bytes
 * reply:   "WEFT1" | u8 status | u32 exit code | u32 stdout length + bytes | u32 stderr length + bytes
 * </pre>
 *
 * Strings are u16-length UTF-8. The namespace id is the client's {@code /proc/self/ns/net} link
 * ({@code net:[4026531840]}); a daemon in another network namespace answers {@link #REFUSED}, and the
 * client runs the plugin itself, so a pod is never wired into the wrong namespace. Uses java.base only:
 * the client loads nothing else.
 */
public final class WireFormat {
  static final byte[] MAGIC = "WEFT1".getBytes(StandardCharsets.US_ASCII);
  /** The daemon ran the command; exit code and output are the plugin's. */
  public static final int SERVED = 0;
  /** The daemon will not run it (another namespace, shutting down): run it standalone. */
  public static final int REFUSED = 1;
  static final int MAX_STDIN = 16 << 20;

  private WireFormat() {}

  public record Request(String namespaceId, Map<String, String> env, byte[] stdin) {}

  public record Reply(int status, int exitCode, byte[] stdout, byte[] stderr) {}

  public static void writeRequest(OutputStream out, Request r) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.write(MAGIC);
    byte[] ns = r.namespaceId().getBytes(StandardCharsets.UTF_8);
    d.writeByte(ns.length);
    d.write(ns);
    d.writeShort(r.env().size());
    for (Map.Entry<String, String> e : r.env().entrySet()) {
      writeString(d, e.getKey());
      writeString(d, e.getValue());
    }
    d.writeInt(r.stdin().length);
    d.write(r.stdin());
    d.flush();
  }

  public static Request readRequest(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    readMagic(d);
    byte[] ns = d.readNBytes(d.readUnsignedByte());
    int n = d.readUnsignedShort();
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      env.put(readString(d), readString(d));
    }
    return new Request(new String(ns, StandardCharsets.UTF_8), env, readBlock(d));
  }

  public static void writeReply(OutputStream out, Reply r) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.write(MAGIC);
    d.writeByte(r.status());
    d.writeInt(r.exitCode());
    d.writeInt(r.stdout().length);
    d.write(r.stdout());
    d.writeInt(r.stderr().length);
    d.write(r.stderr());
    d.flush();
  }

  public static Reply readReply(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    readMagic(d);
    int status = d.readUnsignedByte();
    int exit = d.readInt();
    return new Reply(status, exit, readBlock(d), readBlock(d));
  }

  private static void readMagic(DataInputStream d) throws IOException {
    byte[] magic = d.readNBytes(MAGIC.length);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new IOException("not a weft CNI frame");
    }
  }

  private static byte[] readBlock(DataInputStream d) throws IOException {
    int length = d.readInt();
    if (length < 0 || length > MAX_STDIN) {
      throw new IOException("frame block of " + length + " bytes");
    }
    byte[] b = d.readNBytes(length);
    if (b.length != length) {
      throw new IOException("truncated frame");
    }
    return b;
  }

  private static void writeString(DataOutputStream d, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0xffff) {
      throw new IOException("string too long for the frame");
    }
    d.writeShort(b.length);
    d.write(b);
  }

  private static String readString(DataInputStream d) throws IOException {
    return new String(d.readNBytes(d.readUnsignedShort()), StandardCharsets.UTF_8);
  }
}
