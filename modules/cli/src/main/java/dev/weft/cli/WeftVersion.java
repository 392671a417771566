package dev.weft.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "dev" when run from classes. */
final class WeftVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = WeftVersion.class.getPackage().getImplementationVersion();
    return new String[] {"weft " + (v == null ? "dev" : v), "Java " + Runtime.version()};
  }
}
