package dev.weft.policy.model;

import java.util.Optional;

/** The action of an admin-tier rule. Pass exists only in AdminNetworkPolicy. */
public enum AdminAction {
  ALLOW("Allow"),
  DENY("Deny"),
  PASS("Pass");

  private final String apiName;

  AdminAction(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public static Optional<AdminAction> parse(String text) {
    for (AdminAction a : values()) {
      if (a.apiName.equals(text)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
