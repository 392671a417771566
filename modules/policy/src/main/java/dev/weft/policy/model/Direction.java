package dev.weft.policy.model;

/** A traffic direction as seen from the selected pod; also the values of policyTypes. */
public enum Direction {
  INGRESS("Ingress"),
  EGRESS("Egress");

  private final String apiName;

  Direction(String apiName) {
    this.apiName = apiName;
  }

  /** {@code Ingress} or {@code Egress}, as in policyTypes. */
  public String apiName() {
    return apiName;
  }

  public String lower() {
    return apiName.toLowerCase(java.util.Locale.ROOT);
  }
}
