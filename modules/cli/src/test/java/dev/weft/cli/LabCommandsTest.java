package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cli.lab.LabEnvironment;
import dev.weft.lab.LabException;
import dev.weft.lab.deploy.Privileges;
import dev.weft.linux.error.DeviceBusyException;
import dev.weft.model.testing.GoldenFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel commands' contract without a kernel: option parsing, bad input (exit 2 with the path or the
 * option), the plain message without root (privileges injected from a made-up status file), and help texts.
 */
class LabCommandsTest {
  static final String VXLAN = "../../topologies/two-host-vxlan.yaml";
  @TempDir Path tmp;

  /** An environment whose records live in a temporary directory and whose process holds no capability. */
  private LabEnvironment unprivileged() throws IOException {
    Path status = Files.writeString(tmp.resolve("status"), "Name:\tjava\nUid:\t1000\t1000\t1000\t1000\n"
        + "CapEff:\t0000000000000000\n");
    return new LabEnvironment(tmp.resolve("labs"), new Privileges(status));
  }

  @ParameterizedTest
  @ValueSource(strings = {"deploy", "probe", "inspect", "dataplane run --host h1"})
  void aMissingFileIsInvalidInputNamingThePath(String command) throws IOException {
    Cli.Result r = Cli.run(unprivileged(), (command + " no/such/lab.yaml").split(" "));
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("no/such/lab.yaml").contains("cannot read").doesNotContain("\tat ");
  }

  @Test
  void anInvalidTopologyIsReportedWithLineAndColumnBeforePrivilegesAreChecked() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "name: bad\nhosts:\n  - name: h1\n    underlay: 10.0.0.300/24\n");
    Cli.Result r = Cli.run(unprivileged(), "deploy", bad.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains(bad + ":4:").doesNotContain("needs root");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"deploy|deploy " + VXLAN, "destroy|destroy --lab somelab", "destroy|destroy " + VXLAN,
      "inspect|inspect --lab somelab", "probe|probe " + VXLAN, "dataplane run|dataplane run " + VXLAN + " --host host2",
      "dataplane run|dataplane run " + VXLAN + " --host host2 --lab somelab"})
  void withoutRootEveryKernelCommandSaysSoInOneLine(String command, String line) throws IOException {
    LabEnvironment env = unprivileged();
    Cli.Result r = Cli.run(env, line.split(" "));
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err().lines().toList()).singleElement().satisfies(l -> assertThat(l)
        .startsWith("weft: weft " + command + " needs root").contains("CAP_SYS_ADMIN").contains("CAP_NET_ADMIN"));
    assertThat(r.out()).isEmpty();
    assertThat(env.records()).doesNotExist();
  }

  @Test
  void destroyWantsAFileOrALabButNotBoth() throws IOException {
    Cli.Result neither = Cli.run(unprivileged(), "destroy");
    assertThat(neither.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(neither.err()).contains("give FILE or --lab NAME");
    Cli.Result both = Cli.run(unprivileged(), "destroy", VXLAN, "--lab", "abc");
    assertThat(both.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(both.err()).contains("not both");
  }

  @ParameterizedTest
  @ValueSource(strings = {"deploy --prefix Bad-Name " + VXLAN, "deploy --prefix 9lives " + VXLAN,
      "destroy --lab averyveryverylongname", "probe --lab x_y " + VXLAN})
  void aBadLabNameIsInvalidInputThatSaysWhatANameIs(String line) throws IOException {
    Cli.Result r = Cli.run(unprivileged(), line.split(" "));
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("invalid lab name").contains("a letter followed by up to 11 lower-case letters or digits");
  }

  @Test
  void probeOptionsAreChecked() throws IOException {
    LabEnvironment env = unprivileged();
    assertThat(Cli.run(env, "probe", VXLAN, "--timeout", "2").err()).contains("'2' is not a duration");
    assertThat(Cli.run(env, "probe", VXLAN, "--timeout", "0ms").err()).contains("between 1ms and 1m");
    assertThat(Cli.run(env, "probe", VXLAN, "--timeout", "2m").err()).contains("between 1ms and 1m");
    Cli.Result proto = Cli.run(env, "probe", VXLAN, "--proto", "tcp,sctp");
    assertThat(proto.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(proto.err()).contains("unknown protocol 'sctp'");
    assertThat(Cli.run(env, "probe", VXLAN, "-o", "csv").err()).contains("expected one of text, json");
    assertThat(Cli.run(env, "probe", VXLAN, "--timeout", "500ms", "--proto", "icmp").err()).contains("needs root");
  }

  @Test
  void labRefusalsAreOneLineAndShowAStackTraceOnlyWithDebug() {
    List<RuntimeException> refusals = List.of(new LabException.Conflict("lab abc holds topology 'x', not 'y'"),
        new DeviceBusyException("delete link br0 in namespace abc-h1", 16, Optional.empty()));
    for (RuntimeException refusal : refusals) {
      var cmd = Main.commandLine();
      StringWriter err = new StringWriter();
      cmd.setErr(new PrintWriter(err));
      int code = new CliErrors().handleExecutionException(refusal, cmd, cmd.parseArgs("destroy", "--lab", "abc"));
      assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
      assertThat(err.toString()).isEqualTo("weft: " + refusal.getMessage() + System.lineSeparator());
      StringWriter debug = new StringWriter();
      cmd.setErr(new PrintWriter(debug));
      new CliErrors().handleExecutionException(refusal, cmd, cmd.parseArgs("--debug", "destroy", "--lab", "abc"));
      assertThat(debug.toString()).startsWith("weft: " + refusal.getMessage()).contains("\tat ");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"deploy", "destroy", "inspect", "probe"})
  void helpMatchesGolden(String command) {
    Cli.Result r = Cli.run(command, "--help");
    assertThat(r.exitCode()).isZero();
    GoldenFiles.assertMatches("help/" + command + ".txt", r.out());
  }

  @Test
  void theRootUsageListsTheKernelCommands() {
    assertThat(Cli.run().out()).contains("deploy").contains("destroy").contains("inspect").contains("probe");
  }
}
