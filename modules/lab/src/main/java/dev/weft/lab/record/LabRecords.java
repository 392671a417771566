package dev.weft.lab.record;

import dev.weft.lab.LabName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lab records under a directory ({@code /run/weft/labs} in production: tmpfs, so records vanish on
 * reboot together with the namespaces they describe). Writes go to a temporary file that is renamed over
 * the record, so a reader never sees half a record.
 */
public final class LabRecords {
  public static final Path DEFAULT_DIRECTORY = Path.of("/run/weft/labs");

  private final Path directory;
  private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public LabRecords(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  public Path file(LabName lab) {
    return directory.resolve(lab.value() + ".json");
  }

  public Optional<LabRecord> load(LabName lab) {
    Path f = file(lab);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(f.toFile(), LabRecord.class));
    } catch (JacksonException e) {
      throw new IllegalStateException("the lab record " + f + " is unreadable: " + e.getOriginalMessage()
          + " (delete it after destroying the lab's namespaces by prefix with 'weft destroy --lab " + lab + "')", e);
    }
  }

  public void save(LabRecord record) {
    try {
      Files.createDirectories(directory);
      Path target = file(LabName.of(record.lab()));
      Path tmp = Files.createTempFile(directory, "." + record.lab(), ".tmp");
      Files.writeString(tmp, json.writeValueAsString(record));
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the lab record in " + directory + ": " + e.getMessage(), e);
    }
  }

  public boolean delete(LabName lab) {
    try {
      return Files.deleteIfExists(file(lab));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file(lab) + ": " + e.getMessage(), e);
    }
  }

  /** Every recorded lab, by name. */
  public List<LabName> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<LabName> out = new ArrayList<>();
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("."))
          .map(n -> n.substring(0, n.length() - ".json".length())).sorted().forEach(n -> {
            try {
              out.add(LabName.of(n));
            } catch (IllegalArgumentException notOurs) {
              // Some other file in the directory; not a lab record.
            }
          });
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The lab deployed from {@code file} (compared as absolute, normalised paths), if one was. */
  public Optional<LabRecord> findByFile(Path file) {
    String wanted = file.toAbsolutePath().normalize().toString();
    return list().stream().map(this::load).flatMap(Optional::stream)
        .filter(r -> r.file().filter(wanted::equals).isPresent()).findFirst();
  }
}
