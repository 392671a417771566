package dev.weft.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ipam.testing.CniExec;
import dev.weft.ipam.testing.CniExec.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged launcher: installable by copying bin/ and lib/, and stdout carries only the reply. */
class LauncherIT {
  private static final String VERSION_REPLY =
      "{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}";
  @TempDir Path tmp;

  private Path install() throws Exception {
    Path dist = CniExec.weftIpam().getParent().getParent();
    for (String sub : List.of("bin", "lib")) {
      Files.createDirectories(tmp.resolve("opt/cni").resolve(sub));
      try (Stream<Path> files = Files.list(dist.resolve(sub))) {
        for (Path f : files.toList()) {
          Files.copy(f, tmp.resolve("opt/cni").resolve(sub).resolve(f.getFileName()),
              java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return tmp.resolve("opt/cni/bin/weft-ipam");
  }

  @Test
  void aCopiedInstallAnswersVersion() throws Exception {
    Reply r = CniExec.run(install(), Map.of("CNI_COMMAND", "VERSION"), "{\"cniVersion\":\"1.0.0\"}").ok();
    assertThat(r.stdout()).isEqualTo(VERSION_REPLY);
  }

  @Test
  void aBrokenAotCacheWarnsOnStderrAndStdoutStaysClean() throws Exception {
    Path launcher = install();
    Files.writeString(launcher.getParent().resolve("../lib/weft-ipam.aot"), "not an AOT cache");
    Reply r = CniExec.run(launcher, Map.of("CNI_COMMAND", "VERSION"), "{\"cniVersion\":\"1.0.0\"}").ok();
    assertThat(r.stdout()).isEqualTo(VERSION_REPLY);
    assertThat(r.stderr()).contains("aot");
  }

  @Test
  void aWrongJavaHomeFallsBackToAJdk25() throws Exception {
    Reply r = CniExec.run(install(), Map.of("CNI_COMMAND", "VERSION", "WEFT_JAVA_HOME", "/nonexistent"),
        "{\"cniVersion\":\"1.0.0\"}").ok();
    assertThat(r.stdout()).isEqualTo(VERSION_REPLY);
  }

  @Test
  void missingJarsAreReportedAsCode50() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("lonely/bin"));
    Path launcher = Files.copy(CniExec.weftIpam(), bin.resolve("weft-ipam"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    Reply r = CniExec.run(launcher, Map.of("CNI_COMMAND", "VERSION"), "");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stdout()).startsWith("{\"cniVersion\":\"1.1.0\",\"code\":50,");
  }

  @Test
  void errorsAreJsonOnStdoutWithExitCode1() throws Exception {
    Reply r = CniExec.run(install(), Map.of("CNI_COMMAND", "ADD"), "{\"cniVersion\":\"1.0.0\",\"name\":\"n\"}");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stdout()).startsWith("{\"cniVersion\":\"1.0.0\",\"code\":4,").contains("CNI_CONTAINERID");
  }

}
