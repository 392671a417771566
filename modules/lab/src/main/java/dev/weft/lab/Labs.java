package dev.weft.lab;

import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.deploy.DeployResult;
import dev.weft.lab.deploy.Deployer;
import dev.weft.lab.deploy.DestroyResult;
import dev.weft.lab.deploy.Destroyer;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.inspect.InspectReport;
import dev.weft.lab.inspect.Inspector;
import dev.weft.lab.probe.ProbeOptions;
import dev.weft.lab.probe.ProbeReport;
import dev.weft.lab.probe.Prober;
import dev.weft.lab.record.LabRecord;
import dev.weft.lab.record.LabRecords;
import dev.weft.linux.LinuxDriver;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The library behind {@code weft deploy}, {@code destroy}, {@code inspect} and {@code probe}: one entry
 * point per command, each returning a result record that a renderer in {@code dev.weft.lab.text} prints.
 * Owns a Linux driver; close it when done.
 */
public final class Labs implements AutoCloseable {
  private final LinuxDriver driver;
  private final LabRecords records;
  private final Privileges privileges;
  private final TopologyLoader loader;

  public Labs(LinuxDriver driver, LabRecords records, Privileges privileges, TopologyLoader loader) {
    this.driver = driver;
    this.records = records;
    this.privileges = privileges;
    this.loader = loader;
  }

  /** Labs recorded in /run/weft/labs, checked against this process's privileges. */
  public static Labs open() {
    return new Labs(LinuxDriver.open(), new LabRecords(LabRecords.DEFAULT_DIRECTORY), Privileges.ofThisProcess(),
        new TopologyLoader());
  }

  public LinuxDriver driver() {
    return driver;
  }

  public LabRecords records() {
    return records;
  }

  /** {@code weft deploy FILE [--prefix P]}. */
  public DeployResult deploy(NetworkModel model, DeployOptions options) {
    return new Deployer(driver, records, privileges).deploy(model, options);
  }

  /** {@code weft destroy FILE|--lab NAME}. */
  public DestroyResult destroy(LabSelector selector) {
    return new Destroyer(driver, records, privileges).destroy(resolve(selector));
  }

  /** {@code weft probe FILE}: the simulator's reach against real traffic in the deployed lab. */
  public ProbeReport probe(NetworkModel model, ProbeOptions options) {
    return new Prober(driver, records, privileges).probe(model, options);
  }

  /**
   * {@code weft inspect [--lab NAME] [FILE]}: the lab as the kernel holds it, and its drift from {@code model}
   * (or, without one, from the file it was deployed from, when that is still a valid topology). Without a
   * name, the lab of the model, or the only recorded lab.
   */
  public InspectReport inspect(Optional<LabName> lab, Optional<NetworkModel> model) {
    LabName name = lab.or(() -> model.map(m -> records.list().stream()
            .filter(l -> records.load(l).filter(r -> r.topology().equals(m.name().value())).isPresent())
            .findFirst().orElse(LabName.defaultFor(m.name()))))
        .orElseGet(this::onlyLab);
    Optional<NetworkModel> compare = model.or(() -> records.load(name).flatMap(LabRecord::file).map(Path::of)
        .filter(Files::isReadable).map(loader::load)
        .flatMap(l -> l instanceof TopologyLoad.Loaded ok ? Optional.of(ok.model()) : Optional.empty()));
    return new Inspector(driver, records, privileges).inspect(name, compare);
  }

  private LabName onlyLab() {
    List<LabName> all = records.list();
    if (all.size() == 1) {
      return all.getFirst();
    }
    throw new LabException.NoSuchLab(all.isEmpty() ? "no lab is deployed (nothing in " + records.directory() + ")"
        : "several labs are deployed (" + names() + "): name one with --lab");
  }

  /** The lab a selector means; a file nobody deployed names its topology's default lab. */
  public LabName resolve(LabSelector selector) {
    return switch (selector) {
      case LabSelector.ByName n -> n.lab();
      case LabSelector.ByFile f -> records.findByFile(f.file()).map(r -> LabName.of(r.lab()))
          .orElseGet(() -> defaultLab(f.file()));
    };
  }

  private LabName defaultLab(Path file) {
    if (!Files.isReadable(file)) {
      throw new LabException.NoSuchLab("no lab was deployed from " + file + " (and it cannot be read):"
          + " name the lab with --lab; recorded labs: " + names());
    }
    return switch (loader.load(file)) {
      case TopologyLoad.Loaded l -> LabName.defaultFor(l.model().name());
      case TopologyLoad.Invalid i -> throw new LabException.NoSuchLab("no lab was deployed from " + file
          + " and it is not a valid topology: name the lab with --lab; recorded labs: " + names());
    };
  }

  private String names() {
    List<LabName> all = records.list();
    return all.isEmpty() ? "none" : String.join(", ", all.stream().map(LabName::value).toList());
  }

  /** Every recorded lab. */
  public List<LabRecord> list() {
    return records.list().stream().map(records::load).flatMap(Optional::stream).toList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
