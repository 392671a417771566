package dev.weft.linux.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriverErrorsTest {
  @Test
  void errnoBecomesItsKind() {
    assertThat(DriverErrors.of(17, "op")).isInstanceOf(AlreadyExistsException.class);
    assertThat(DriverErrors.of(19, "op")).isInstanceOf(NoSuchDeviceException.class);
    assertThat(DriverErrors.of(2, "op")).isInstanceOf(NotFoundException.class);
    assertThat(DriverErrors.of(3, "op")).isInstanceOf(NotFoundException.class);
    assertThat(DriverErrors.of(99, "op")).isInstanceOf(NotFoundException.class);
    assertThat(DriverErrors.of(1, "op")).isInstanceOf(PermissionDeniedException.class);
    assertThat(DriverErrors.of(13, "op")).isInstanceOf(PermissionDeniedException.class);
    assertThat(DriverErrors.of(16, "op")).isInstanceOf(DeviceBusyException.class);
    assertThat(DriverErrors.of(22, "op")).isInstanceOf(InvalidArgumentException.class);
    assertThat(DriverErrors.of(95, "op")).isInstanceOf(NotSupportedException.class)
        .isNotInstanceOf(UnsupportedLinkKindException.class);
    assertThat(DriverErrors.of(5, "op")).isInstanceOf(SystemCallException.class);
    assertThat(DriverErrors.of(4242, "op")).isInstanceOf(SystemCallException.class).hasMessageContaining("errno 4242");
  }

  @Test
  void messageNamesOperationErrnoAndKernelText() {
    DriverException e = DriverErrors.of(17, "create link wt0 (bridge) in namespace x", Optional.of("File exists"));
    assertThat(e).hasMessage("create link wt0 (bridge) in namespace x failed: EEXIST (file exists) (kernel says: File exists)");
    assertThat(e.errno()).hasValue(17);
    assertThat(e.operation()).isEqualTo("create link wt0 (bridge) in namespace x");
  }

  @Test
  void missingTunnelDriversSayWhichSupportIsMissing() {
    for (String kind : new String[] {"gre", "gretap", "ip6gre"}) {
      assertThat(DriverErrors.forLinkCreation(95, "create link t", kind, Optional.of("Unknown device type")))
          .isInstanceOf(UnsupportedLinkKindException.class)
          .hasMessageContaining("this kernel has no gre support")
          .hasMessageContaining("Unknown device type");
    }
    assertThat(DriverErrors.forLinkCreation(95, "create link t", "geneve", Optional.empty()))
        .hasMessageContaining("no geneve support");
    assertThat(DriverErrors.forLinkCreation(95, "create link t", "bridge", Optional.empty()))
        .isNotInstanceOf(UnsupportedLinkKindException.class);
    assertThat(DriverErrors.forLinkCreation(17, "create link t", "gre", Optional.empty()))
        .isInstanceOf(AlreadyExistsException.class);
  }
}
