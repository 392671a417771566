package dev.weft.policy.manifest;

import dev.weft.document.DiagnosticKind;

/** Problems specific to Kubernetes manifests (the generic ones are {@link dev.weft.document.DocumentProblem}). */
public enum ManifestProblem implements DiagnosticKind {
  /** A document without apiVersion/kind, or not a map. */
  NOT_AN_OBJECT("not-an-object"),
  /** A kind weft verify does not use: ignored, reported once per kind. */
  IGNORED_KIND("ignored-kind"),
  /** A NetworkPolicy or admin policy field whose value the API would reject. */
  INVALID_POLICY("invalid-policy"),
  /** Something weft filled in or assumed (undeclared namespace, synthesised pods or IPs). */
  ASSUMED("assumed"),
  /** A construct weft reads but cannot evaluate (ANP nodes peers, hostNetwork pods). */
  UNSUPPORTED("unsupported");

  private final String id;

  ManifestProblem(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
