package dev.weft.policy.model;

/**
 * The pods an admin-tier policy applies to: {@code subject.namespaces} is a namespace selector with the
 * pod selector {@code {}}; {@code subject.pods} sets both.
 */
public record AdminSubject(LabelSelector namespaceSelector, LabelSelector podSelector) {
  public static AdminSubject namespaces(LabelSelector namespaceSelector) {
    return new AdminSubject(namespaceSelector, LabelSelector.ALL);
  }

  @Override
  public String toString() {
    return "namespaces " + namespaceSelector + (podSelector.isEmpty() ? "" : " pods " + podSelector);
  }
}
