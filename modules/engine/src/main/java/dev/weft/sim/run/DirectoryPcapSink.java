package dev.weft.sim.run;

import dev.weft.engine.pcap.PcapWriter;
import io.netty.buffer.ByteBuf;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One pcap file per link in a directory, named after the link; files open on their first frame. */
public final class DirectoryPcapSink implements PcapSink, Closeable {
  private final Path directory;
  private final Map<String, PcapWriter> writers = new LinkedHashMap<>();
  private final List<Path> files = new ArrayList<>();
  private Duration shift = Duration.ZERO;
  private Instant last = Instant.MIN;

  public DirectoryPcapSink(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  @Override
  public void frame(String link, Instant at, ByteBuf frame) throws IOException {
    PcapWriter w = writers.get(link);
    if (w == null) {
      Path file = directory.resolve(fileName(link));
      w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file)));
      writers.put(link, w);
      files.add(file);
    }
    // several runs (a matrix's cells) share one sink, each starting its clock afresh: keep time moving on
    Instant stamped = at.plus(shift);
    if (!stamped.isAfter(last)) {
      shift = shift.plus(Duration.between(stamped, last)).plusNanos(1000);
      stamped = at.plus(shift);
    }
    last = stamped;
    w.write(stamped, frame);
  }

  /** The files written so far, in the order their links were first crossed. */
  public List<Path> files() {
    return List.copyOf(files);
  }

  static String fileName(String link) {
    return link.replaceAll("[^A-Za-z0-9._-]", "_") + ".pcap";
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (PcapWriter w : writers.values()) {
      try {
        w.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    writers.clear();
    if (first != null) {
      throw first;
    }
  }
}
