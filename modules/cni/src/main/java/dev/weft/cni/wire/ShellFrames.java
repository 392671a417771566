package dev.weft.cni.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text framing the shell relay ({@code lib/weft-relay.bash}) speaks to {@code weft-cnid} over
 * loopback TCP. It is text because bash writes and reads it with builtins only (no fork), which is why
 * an exec of {@code weft} or {@code weft-ipam} costs a few milliseconds instead of a JVM start.
 *
 * <pre>
 * request: "WEFT-SH1" SP plugin SP token SP stdin-length ( TAB NAME "=" value )* LF   stdin bytes
 * reply:   "WEFT-SH1" SP reply-token SP status SP exit SP stdout-length SP stderr-length LF   stdout stderr
 * </pre>
 *
 * The request's environment rides on its first line because bash's stdout is line-buffered: every LF
 * is a write, so one line is one segment. Lengths are byte counts; names are {@code CNI_*}/{@code
 * WEFT_*} variables and values hold no TAB or LF (the relay runs the JVM client for anything else).
 * Reading is bounded, so a peer without the token cannot make the daemon buffer more than one line.
 * The reply carries a second token, which the request never does: a process that took over the port of
 * a daemon that died learns the request token from the first request but cannot answer it.
 */
public final class ShellFrames {
  static final String MAGIC = "WEFT-SH1";
  static final int MAX_LINE = 64 << 10;
  static final int MAX_ENV = 256;
  private static final Pattern NAME = Pattern.compile("(CNI|WEFT)_[A-Za-z0-9_]*");
  private static final Pattern PLUGIN = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  private ShellFrames() {}

  /** A relayed invocation: which plugin, the caller's token, its CNI/WEFT environment and stdin. */
  public record ShellRequest(String plugin, String token, Map<String, String> env, byte[] stdin) {}

  /** The first line of a request: everything but stdin, so the token is checked before stdin is read. */
  public record Header(String plugin, String token, Map<String, String> env, int stdinLength) {}

  public static Header readHeader(InputStream in) throws IOException {
    String[] fields = readLine(in).split("\t", -1);
    String[] words = fields[0].split(" ", -1);
    if (words.length != 4 || !words[0].equals(MAGIC)) {
      throw new IOException("not a weft relay frame");
    }
    if (!PLUGIN.matcher(words[1]).matches()) {
      throw new IOException("bad plugin name in relay frame");
    }
    if (fields.length - 1 > MAX_ENV) {
      throw new IOException("more than " + MAX_ENV + " variables in relay frame");
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 1; i < fields.length; i++) {
      int eq = fields[i].indexOf('=');
      if (eq < 0 || !NAME.matcher(fields[i].substring(0, eq)).matches()) {
        throw new IOException("bad variable in relay frame");
      }
      env.put(fields[i].substring(0, eq), fields[i].substring(eq + 1));
    }
    return new Header(words[1], words[2], env, parseLength(words[3]));
  }

  /** Reads the stdin that follows {@code header}. */
  public static ShellRequest readBody(InputStream in, Header header) throws IOException {
    byte[] stdin = in.readNBytes(header.stdinLength());
    if (stdin.length != header.stdinLength()) {
      throw new IOException("truncated relay frame");
    }
    return new ShellRequest(header.plugin(), header.token(), header.env(), stdin);
  }

  public static void writeRequest(OutputStream out, ShellRequest r) throws IOException {
    StringBuilder head = new StringBuilder()
        .append(MAGIC).append(' ').append(r.plugin()).append(' ').append(r.token()).append(' ')
        .append(r.stdin().length);
    r.env().forEach((k, v) -> head.append('\t').append(k).append('=').append(v));
    head.append('\n');
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    out.write(r.stdin());
    out.flush();
  }

  public static void writeReply(OutputStream out, String replyToken, WireFormat.Reply r) throws IOException {
    String head = MAGIC + " " + replyToken + " " + r.status() + " " + r.exitCode() + " " + r.stdout().length + " "
        + r.stderr().length + "\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(r.stdout());
    out.write(r.stderr());
    out.flush();
  }

  /** Reads a reply and checks that it carries {@code replyToken}, as the shell relay does. */
  public static WireFormat.Reply readReply(InputStream in, String replyToken) throws IOException {
    String[] words = readLine(in).split(" ", -1);
    if (words.length != 6 || !words[0].equals(MAGIC)) {
      throw new IOException("not a weft relay reply");
    }
    if (!words[1].equals(replyToken)) {
      throw new IOException("relay reply without the daemon's reply token");
    }
    int status = parseLength(words[2]);
    int exit = parseLength(words[3]);
    byte[] stdout = in.readNBytes(parseLength(words[4]));
    byte[] stderr = in.readNBytes(parseLength(words[5]));
    return new WireFormat.Reply(status, exit, stdout, stderr);
  }

  private static int parseLength(String s) throws IOException {
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IOException("bad number in relay frame: " + (s.length() > 12 ? s.substring(0, 12) + "…" : s));
    }
    int n = Integer.parseInt(s);
    if (n > WireFormat.MAX_STDIN) {
      throw new IOException("relay frame block of " + n + " bytes");
    }
    return n;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("truncated relay frame");
      }
      if (line.size() == MAX_LINE) {
        throw new IOException("relay frame line longer than " + MAX_LINE + " bytes");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
