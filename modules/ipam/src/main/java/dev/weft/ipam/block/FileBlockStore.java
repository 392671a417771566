package dev.weft.ipam.block;

import dev.weft.ipam.disk.Flock;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InvalidValueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The first {@link BlockStore}: one text file per block in a directory, e.g. {@code 10.244.0.64_26}:
 *
 * <pre>
 * affinity node-a
 * 3 node-a/pod-uid
 * </pre>
 *
 * Every change runs under a flock on {@code lock} and replaces the block file with rename(2), so a crash
 * leaves the old or the new content, and a compare-and-set reads the current file under the same lock.
 */
public final class FileBlockStore implements BlockStore {
  private static final String SUFFIX_SEPARATOR = "_";
  private final Path dir;

  public FileBlockStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  @Override
  public List<BlockState> load() throws IOException {
    try (Flock lock = lock(); DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      List<BlockState> out = new ArrayList<>();
      for (Path f : files) {
        parseName(f.getFileName().toString()).ifPresent(c -> {
          try {
            out.add(read(c));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
      }
      return out;
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public boolean compareAndSetAffinity(Cidr block, Optional<String> expected, Optional<String> next) throws IOException {
    try (Flock lock = lock()) {
      BlockState cur = read(block);
      if (!cur.affinity().equals(expected)) {
        return false;
      }
      write(new BlockState(block, next, cur.allocations()));
      return true;
    }
  }

  @Override
  public void recordAllocation(Cidr block, int offset, String handle) throws IOException {
    try (Flock lock = lock()) {
      BlockState cur = read(block);
      Map<Integer, String> a = new TreeMap<>(cur.allocations());
      a.put(offset, handle);
      write(new BlockState(block, cur.affinity(), a));
    }
  }

  @Override
  public void recordRelease(Cidr block, int offset) throws IOException {
    try (Flock lock = lock()) {
      BlockState cur = read(block);
      Map<Integer, String> a = new TreeMap<>(cur.allocations());
      a.remove(offset);
      write(new BlockState(block, cur.affinity(), a));
    }
  }

  private Flock lock() throws IOException {
    return Flock.exclusive(dir.resolve("lock"));
  }

  private BlockState read(Cidr block) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file(block), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new BlockState(block, Optional.empty(), Map.of());
    }
    Optional<String> affinity = Optional.empty();
    Map<Integer, String> allocations = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int sp = line.indexOf(' ');
      if (line.isBlank()) {
        continue;
      }
      if (sp < 0) {
        throw new IOException(file(block) + ":" + (i + 1) + ": expected 'affinity NODE' or 'OFFSET OWNER'");
      }
      String key = line.substring(0, sp);
      String value = line.substring(sp + 1);
      if (key.equals("affinity")) {
        affinity = Optional.of(value);
      } else {
        try {
          allocations.put(Integer.parseInt(key), value);
        } catch (NumberFormatException e) {
          throw new IOException(file(block) + ":" + (i + 1) + ": expected a slot number, got '" + key + "'");
        }
      }
    }
    return new BlockState(block, affinity, allocations);
  }

  private void write(BlockState s) throws IOException {
    StringBuilder sb = new StringBuilder();
    s.affinity().ifPresent(a -> sb.append("affinity ").append(a).append('\n'));
    new TreeMap<>(s.allocations()).forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
    Path target = file(s.cidr());
    Path temp = dir.resolve(".tmp-" + target.getFileName() + "-" + ProcessHandle.current().pid());
    Files.writeString(temp, sb, StandardCharsets.UTF_8);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private Path file(Cidr block) {
    return dir.resolve(block.network() + SUFFIX_SEPARATOR + block.prefixLength());
  }

  private static Optional<Cidr> parseName(String name) {
    int sep = name.lastIndexOf(SUFFIX_SEPARATOR);
    if (sep <= 0 || name.startsWith(".")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Cidr.parse(name.substring(0, sep) + "/" + name.substring(sep + 1)));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }
}
