package dev.weft.policy.model;

import java.util.Optional;

/** The operators of a label selector's matchExpressions, spelled as in the API. */
public enum SelectorOperator {
  IN("In"),
  NOT_IN("NotIn"),
  EXISTS("Exists"),
  DOES_NOT_EXIST("DoesNotExist");

  private final String apiName;

  SelectorOperator(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public static Optional<SelectorOperator> parse(String text) {
    for (SelectorOperator op : values()) {
      if (op.apiName.equals(text)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
