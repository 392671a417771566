package dev.weft.cni.protocol;

/**
 * A CNI error code: one of the codes the spec reserves (1..99) or a plugin's own code (100 and up).
 * The weft plugins' own codes are named in {@link PluginCode}'s constants.
 */
public sealed interface ErrorCode permits ErrorCode.Standard, ErrorCode.PluginCode {

  int value();

  /** The codes the CNI spec defines. */
  enum Standard implements ErrorCode {
    INCOMPATIBLE_VERSION(1),
    UNSUPPORTED_FIELD(2),
    UNKNOWN_CONTAINER(3),
    INVALID_ENVIRONMENT(4),
    IO_FAILURE(5),
    DECODING_FAILURE(6),
    INVALID_NETWORK_CONFIG(7),
    TRY_AGAIN_LATER(11),
    PLUGIN_NOT_AVAILABLE(50),
    LIMITED_CONNECTIVITY(51);

    private final int value;

    Standard(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /** A plugin-specific code, 100 or more. */
  record PluginCode(int value) implements ErrorCode {
    /** An IP range (set) has no free address. */
    public static final PluginCode ADDRESS_EXHAUSTED = new PluginCode(100);
    /** A requested address is outside every range, or is the gateway. */
    public static final PluginCode ADDRESS_NOT_IN_RANGE = new PluginCode(101);
    /** A requested address is held by another attachment. */
    public static final PluginCode ADDRESS_TAKEN = new PluginCode(102);
    /** The attachment already holds an address in this range set (ADD twice without DEL). */
    public static final PluginCode DUPLICATE_ALLOCATION = new PluginCode(103);
    /** CHECK found the attachment's state different from what ADD created. */
    public static final PluginCode CHECK_FAILED = new PluginCode(104);

    /** A bug in the plugin (an unexpected exception); the Go skel uses 999 for plain errors too. */
    public static final PluginCode INTERNAL = new PluginCode(999);

    public PluginCode {
      if (value < 100) {
        throw new IllegalArgumentException("plugin error codes start at 100, got " + value);
      }
    }
  }

  /** The named code for {@code value}: a {@link Standard} code when the spec defines it. */
  static ErrorCode of(int value) {
    for (Standard s : Standard.values()) {
      if (s.value == value) {
        return s;
      }
    }
    if (value >= 100) {
      return new PluginCode(value);
    }
    throw new IllegalArgumentException("not a CNI error code: " + value);
  }
}
