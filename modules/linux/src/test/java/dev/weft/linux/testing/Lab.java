package dev.weft.linux.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.InterfaceName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scratch lab for privileged tests. Register with {@code @RegisterExtension}. It gates on root,
 * creates uniquely named namespaces, deletes them (and closes sessions) after each test even when the
 * test failed, and after the class checks with iproute2 that no namespace or home-namespace link with
 * this run's prefix is left.
 */
public final class Lab implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
  private LinuxDriver driver;
  private final List<NetnsName> namespaces = new ArrayList<>();
  private final List<Rtnetlink> sessions = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    Privileged.require();
    driver = LinuxDriver.open();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Privileged.require();
  }

  public LinuxDriver driver() {
    return driver;
  }

  /** A fresh namespace, deleted after the test. */
  public NetnsRef.Named namespace(String tag) {
    NetnsName name = NetnsName.of(TestNames.fresh(tag));
    namespaces.add(name);
    return driver.namespaces().create(name);
  }

  /** A name this lab will clean up if it is a namespace. */
  public NetnsName reserveNamespaceName(String tag) {
    NetnsName name = NetnsName.of(TestNames.fresh(tag));
    namespaces.add(name);
    return name;
  }

  /** An rtnetlink session, closed after the test. */
  public Rtnetlink rt(NetnsRef ns) {
    Rtnetlink r = driver.rtnetlink(ns);
    sessions.add(r);
    return r;
  }

  public static InterfaceName ifname(String tag) {
    return InterfaceName.of(TestNames.fresh(tag));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    sessions.forEach(Rtnetlink::close);
    sessions.clear();
    if (driver != null) {
      namespaces.forEach(n -> driver.namespaces().deleteIfExists(n));
    }
    namespaces.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.close();
    }
    assertNothingLeft();
  }

  /** iproute2's view: no namespace and no home-namespace link carries this run's prefix. */
  public static void assertNothingLeft() {
    String prefix = TestNames.runPrefix();
    List<String> netns = Shell.netnsNames().stream().filter(n -> n.startsWith(prefix)).toList();
    List<String> links = Shell.linkNames("").stream().filter(n -> n.startsWith(prefix)).toList();
    assertThat(netns).as("namespaces left behind").isEmpty();
    assertThat(links).as("links left behind in the home namespace").isEmpty();
  }
}
