package dev.weft.engine.hook;

import dev.weft.model.value.IpAddress;
import java.util.List;

/**
 * A hook's answer. Every verdict carries the hook's own explanation (chains entered, rules that matched)
 * so that a trace can show it.
 */
public sealed interface HookVerdict {

  List<String> explanation();

  /** Let the packet through unchanged. */
  record Accept(List<String> explanation) implements HookVerdict {
    public Accept {
      explanation = List.copyOf(explanation);
    }
  }

  /** Discard the packet (DROP or REJECT); {@code rule} is the deciding rule as text. */
  record Drop(String rule, List<String> explanation) implements HookVerdict {
    public Drop {
      explanation = List.copyOf(explanation);
    }
  }

  /**
   * The rules cannot be evaluated for this packet (a match or target weft does not interpret decides):
   * its fate is unknown, so the packet stops here rather than being guessed through.
   */
  record Undetermined(String reason, List<String> explanation) implements HookVerdict {
    public Undetermined {
      explanation = List.copyOf(explanation);
    }
  }

  /** Let it through with new addresses or ports (DNAT, SNAT, MASQUERADE). */
  record Rewrite(IpAddress source, IpAddress destination, int sourcePort, int destinationPort, String rule,
      List<String> explanation) implements HookVerdict {
    public Rewrite {
      explanation = List.copyOf(explanation);
    }
  }

  static HookVerdict accept() {
    return new Accept(List.of());
  }
}
