package dev.weft.netfilter.pipeline;

import dev.weft.netfilter.eval.Packet;
import java.util.List;

/**
 * One hook's answer for a simulator that takes a single verdict per hook. {@code explanation} is the
 * trace as text lines; {@code alternatives} counts the outcomes that were possible (more than one when a
 * statistic rule or a NAT range forked the packet; the decision is then the one picked for this flow).
 */
public sealed interface HookDecision {
  List<String> explanation();

  int alternatives();

  /** The packet goes on unchanged. */
  record Accept(List<String> explanation, int alternatives) implements HookDecision {}

  /** The packet goes on with the addresses/ports of {@code after} (DNAT, SNAT, MASQUERADE, or a reply's un-NAT). */
  record Rewrite(Packet after, String rule, List<String> explanation, int alternatives) implements HookDecision {}

  /** DROP, or REJECT when {@code reject} (the kernel then answers with an ICMP error or a TCP reset). */
  record Drop(String rule, boolean reject, List<String> explanation, int alternatives) implements HookDecision {}

  /** A rule weft does not interpret decides; the honest answer is "cannot tell". */
  record Unknown(String reason, List<String> explanation, int alternatives) implements HookDecision {}
}
