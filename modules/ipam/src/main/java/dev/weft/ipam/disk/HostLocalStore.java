package dev.weft.ipam.disk;

import dev.weft.cni.protocol.Attachment;
import dev.weft.ipam.node.AllocationStore;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.IpAddress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * host-local's on-disk store, file for file, so that a node can move between host-local and weft-ipam
 * in either direction: {@code <dataDir>/<network>/<ip>} holds {@code containerID\r\nifname},
 * {@code last_reserved_ip.<rangeSetIndex>} holds the round-robin cursor, and {@code lock} is flock'd.
 *
 * <p>Crash safety, where weft is stricter than host-local (which creates the address file with O_EXCL
 * and then writes it, so a crash can leave it empty): the content is written to a temporary file first
 * and then link(2)ed to the address name. link is atomic and fails when the name exists, so the address
 * file appears complete or not at all, and never replaces another owner's. The cursor is replaced with
 * rename(2). A temporary file left by a killed process owns nothing; it is deleted the next time the
 * store is read under the lock (only lock holders create them, so any found then is stale).
 *
 * <p>The network namespace given at ADD is kept beside, in {@code .weft-netns/<ip>}, for the opt-in
 * reboot-aware GC; host-local never matches those files (their content is not an owner line).
 */
public final class HostLocalStore implements AllocationStore {
  public static final Path DEFAULT_DATA_DIR = Path.of("/var/lib/cni/networks");
  static final String LAST_RESERVED = "last_reserved_ip.";
  static final String TEMP_PREFIX = ".weft-tmp-";
  static final String NETNS_DIR = ".weft-netns";
  private static final String LINE_BREAK = "\r\n";
  private static final int OWNER_READ_SIZE = 1024;

  private final Path dir;
  private boolean locked;
  /**
   * The listing made under the current lock, kept up to date by reserve and release and dropped with
   * the lock: an ADD or DEL asks for the allocations more than once (held addresses, then the caller's
   * own), and each listing reads every owner file.
   */
  private Optional<Map<IpAddress, Attachment>> listed = Optional.empty();

  private HostLocalStore(Path dir) {
    this.dir = dir;
  }

  /** The store of {@code network} under {@code dataDir}, created when missing. */
  public static HostLocalStore open(Path dataDir, String network) throws IOException {
    Path dir = dataDir.resolve(network);
    Files.createDirectories(dir);
    return new HostLocalStore(dir);
  }

  public Path directory() {
    return dir;
  }

  @Override
  public synchronized <T> T locked(Action<T> action) throws IOException {
    try (Flock lock = Flock.exclusive(dir.resolve("lock"))) {
      locked = true;
      try {
        return action.run();
      } finally {
        locked = false;
        listed = Optional.empty();
      }
    }
  }

  @Override
  public Map<IpAddress, Attachment> allocations() throws IOException {
    checkLocked();
    if (listed.isEmpty()) {
      listed = Optional.of(list());
    }
    return Map.copyOf(listed.get());
  }

  private Map<IpAddress, Attachment> list() throws IOException {
    Map<IpAddress, Attachment> out = new HashMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(TEMP_PREFIX)) {
          Files.deleteIfExists(entry);
          continue;
        }
        Optional<IpAddress> ip = addressNamed(name);
        if (ip.isPresent()) {
          readOwner(entry).ifPresent(owner -> out.put(ip.get(), owner));
        }
      }
    }
    return out;
  }

  @Override
  public boolean reserve(IpAddress ip, Attachment owner, int rangeSetIndex, Optional<Path> netns)
      throws IOException {
    checkLocked();
    String content = owner.containerId().strip() + LINE_BREAK + owner.ifName();
    Path temp = writeTemp(content);
    try {
      Files.createLink(dir.resolve(ip.toString()), temp);
    } catch (FileAlreadyExistsException taken) {
      return false;
    } finally {
      Files.deleteIfExists(temp);
    }
    listed.ifPresent(m -> parseOwner(content).ifPresent(o -> m.put(ip, o)));
    replace(dir.resolve(LAST_RESERVED + rangeSetIndex), ip.toString());
    if (netns.isPresent()) {
      Files.createDirectories(dir.resolve(NETNS_DIR));
      replace(dir.resolve(NETNS_DIR).resolve(ip.toString()), content + LINE_BREAK + netns.get());
    }
    return true;
  }

  @Override
  public Optional<IpAddress> lastReserved(int rangeSetIndex) throws IOException {
    checkLocked();
    try {
      String text = Files.readString(dir.resolve(LAST_RESERVED + rangeSetIndex), StandardCharsets.UTF_8);
      return Optional.of(IpAddress.parse(text.strip()));
    } catch (NoSuchFileException | InvalidValueException e) {
      // host-local too starts from the range start when the cursor is missing or unreadable
      return Optional.empty();
    }
  }

  @Override
  public boolean release(IpAddress ip) throws IOException {
    checkLocked();
    boolean held = Files.deleteIfExists(dir.resolve(ip.toString()));
    listed.ifPresent(m -> m.remove(ip));
    Files.deleteIfExists(dir.resolve(NETNS_DIR).resolve(ip.toString()));
    return held;
  }

  @Override
  public Optional<Path> netns(IpAddress ip) throws IOException {
    checkLocked();
    Optional<Attachment> owner = readOwner(dir.resolve(ip.toString()));
    String text;
    try {
      text = Files.readString(dir.resolve(NETNS_DIR).resolve(ip.toString()), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    String[] parts = text.split(LINE_BREAK, 3);
    // a side file left from an earlier owner of the address says nothing about the current one
    if (parts.length != 3 || owner.isEmpty()
        || !owner.get().equals(new Attachment(parts[0], parts[1])) || parts[2].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Path.of(parts[2]));
  }

  /** Parses an address file's content as host-local does: trimmed, then "id\r\nifname" or just "id". */
  static Optional<Attachment> parseOwner(String content) {
    String trimmed = content.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    int br = trimmed.indexOf(LINE_BREAK);
    return Optional.of(br < 0 ? new Attachment(trimmed, "")
        : new Attachment(trimmed.substring(0, br), trimmed.substring(br + LINE_BREAK.length())));
  }

  /**
   * Every ADD and DEL reads every owner file (host-local's format keeps the owner only there), so this
   * is open, read, close: Files.readString would add a stat and a second read per file.
   */
  private static Optional<Attachment> readOwner(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(OWNER_READ_SIZE);
      int n = channel.read(buffer); // a regular file gives all it has (up to the buffer) in one read
      if (n == OWNER_READ_SIZE) {
        return parseOwner(Files.readString(file, StandardCharsets.UTF_8)); // an unusually long owner
      }
      return parseOwner(new String(buffer.array(), 0, Math.max(n, 0), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  static Optional<IpAddress> addressNamed(String name) {
    if (name.isEmpty() || Character.digit(name.charAt(0), 16) < 0 && name.charAt(0) != ':') {
      return Optional.empty();
    }
    if (name.indexOf('.') < 0 && name.indexOf(':') < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(IpAddress.parse(name));
    } catch (InvalidValueException notAnAddress) {
      return Optional.empty();
    }
  }

  /**
   * Only the lock holder writes temporary files, so a fixed name is safe: a file already there is a
   * killed writer's leftover and may be overwritten.
   */
  private Path writeTemp(String content) throws IOException {
    Path temp = dir.resolve(TEMP_PREFIX + "write");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    return temp;
  }

  private void replace(Path target, String content) throws IOException {
    Path temp = writeTemp(content);
    try {
      RenameExchange.replace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void checkLocked() {
    if (!locked) {
      throw new IllegalStateException("store used outside locked()");
    }
  }
}
