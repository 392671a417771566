package dev.weft.cni.protocol;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's log. stdout belongs to the result JSON, so logs go to stderr (which the runtime shows or
 * drops) and, when {@code WEFT_CNI_LOG_FILE} names a file, are appended there too. Debug lines are
 * written only when {@code WEFT_CNI_DEBUG=1}; stack traces only then.
 */
public final class CniLog {
  private final PrintStream stderr;
  private final Optional<Path> file;
  private final boolean debug;
  private final String prefix;

  public CniLog(String prefix, PrintStream stderr, Optional<Path> file, boolean debug) {
    this.prefix = prefix;
    this.stderr = stderr;
    this.file = file;
    this.debug = debug;
  }

  public static CniLog fromEnvironment(String prefix, Map<String, String> env, PrintStream stderr) {
    String path = env.getOrDefault("WEFT_CNI_LOG_FILE", "");
    return new CniLog(prefix, stderr, path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path)),
        "1".equals(env.get("WEFT_CNI_DEBUG")));
  }

  /** A log that writes nothing, for tests and embedding. */
  public static CniLog silent() {
    return new CniLog("", new PrintStream(PrintStream.nullOutputStream()), Optional.empty(), false);
  }

  public boolean debugEnabled() {
    return debug;
  }

  public void debug(String message) {
    if (debug) {
      write("debug", message);
    }
  }

  public void info(String message) {
    toFile("info", message);
  }

  public void warn(String message) {
    write("warn", message);
  }

  public void error(String message, Throwable cause) {
    write("error", message);
    if (debug) {
      StringWriter trace = new StringWriter();
      cause.printStackTrace(new PrintWriter(trace));
      write("error", trace.toString());
    }
  }

  private void write(String level, String message) {
    stderr.println(prefix + ": " + message);
    toFile(level, message);
  }

  private void toFile(String level, String message) {
    if (file.isEmpty()) {
      return;
    }
    String line = java.time.Instant.now() + " " + level + " " + prefix + "[" + ProcessHandle.current().pid() + "] "
        + message + "\n";
    try {
      Files.writeString(file.get(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      stderr.println(prefix + ": cannot write log file " + file.get() + ": " + e.getMessage());
    }
  }
}
