package dev.weft.netfilter.save;

import dev.weft.model.netfilter.IpProtocol;
import dev.weft.model.netfilter.IpSet;
import dev.weft.model.netfilter.IpSetEntry;
import dev.weft.model.netfilter.IpSetType;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.PortRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code ipset save} output: {@code create NAME TYPE options} and {@code add NAME ELEMENT
 * [options]}. The types weft evaluates are hash:ip, hash:net, hash:ip,port and hash:net,port (IPv4); a
 * set of another type, or one using {@code nomatch} entries, is left out with a warning, so rules that
 * test it evaluate to UNKNOWN instead of a guess.
 */
public final class IpsetSaveParser {

  public record ParsedIpsets(Map<String, IpSet> sets, List<dev.weft.document.Diagnostic> warnings) {}

  public ParsedIpsets parse(Path file) throws IptablesSaveException {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ProblemSink.unreadable(file.toString(), "cannot read the file: " + e.getMessage(),
          "a readable ipset save dump");
    }
  }

  public ParsedIpsets parse(String file, String text) throws IptablesSaveException {
    ProblemSink sink = new ProblemSink(file);
    Map<String, IpSetType> types = new LinkedHashMap<>();
    Map<String, List<IpSetEntry>> entries = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      List<Token> t = SaveTokenizer.tokenize(lines[i]).tokens();
      if (t.isEmpty() || t.getFirst().text().startsWith("#")) {
        continue;
      }
      int lineNo = i + 1;
      try {
        switch (t.getFirst().text()) {
          case "create" -> create(t, lineNo, types, entries, dropped, sink);
          case "add" -> add(t, lineNo, types, entries, dropped, sink);
          default -> throw new LineSyntaxException(t.getFirst(), "unexpected '" + t.getFirst().text() + "'",
              "create NAME TYPE ... or add NAME ELEMENT");
        }
      } catch (LineSyntaxException e) {
        sink.error(lineNo, e.column(), e.getMessage(), e.expected());
      }
    }
    if (sink.hasErrors()) {
      throw new IptablesSaveException(sink.sorted());
    }
    Map<String, IpSet> sets = new LinkedHashMap<>();
    types.forEach((name, type) -> {
      if (!dropped.contains(name)) {
        sets.put(name, new IpSet(name, type, entries.get(name)));
      }
    });
    return new ParsedIpsets(sets, sink.warnings());
  }

  private static void create(List<Token> t, int line, Map<String, IpSetType> types,
      Map<String, List<IpSetEntry>> entries, List<String> dropped, ProblemSink sink) {
    Token name = arg(t, 1, "a set name");
    Token type = arg(t, 2, "a set type such as hash:ip");
    if (types.containsKey(name.text()) || dropped.contains(name.text())) {
      throw new LineSyntaxException(name, "set " + name.text() + " is created twice", "one create per set");
    }
    Optional<IpSetType> known = IpSetType.byKeyword(type.text());
    boolean inet6 = indexOf(t, "family").map(i -> i + 1 < t.size() && t.get(i + 1).is("inet6")).orElse(false);
    if (known.isEmpty() || inet6) {
      sink.warning(SaveProblemKind.UNEVALUATED_IPSET, line, type.column(), "ipset " + name.text() + " (" + type.text() + (inet6 ? ", inet6" : "")
          + ") is not evaluated; rules that test it are UNKNOWN");
      dropped.add(name.text());
      return;
    }
    types.put(name.text(), known.get());
    entries.put(name.text(), new ArrayList<>());
  }

  private static void add(List<Token> t, int line, Map<String, IpSetType> types,
      Map<String, List<IpSetEntry>> entries, List<String> dropped, ProblemSink sink) {
    Token name = arg(t, 1, "a set name");
    Token element = arg(t, 2, "an element");
    if (dropped.contains(name.text())) {
      return;
    }
    IpSetType type = types.get(name.text());
    if (type == null) {
      throw new LineSyntaxException(name, "set " + name.text() + " is not created before this line", "create first");
    }
    if (indexOf(t, "nomatch").isPresent()) {
      sink.warning(SaveProblemKind.UNEVALUATED_IPSET, line, element.column(), "ipset " + name.text() + " has nomatch entries, which weft does not "
          + "evaluate; rules that test it are UNKNOWN");
      dropped.add(name.text());
      return;
    }
    entries.get(name.text()).add(entry(type, element));
  }

  private static IpSetEntry entry(IpSetType type, Token element) {
    String text = element.text();
    int comma = text.indexOf(',');
    if (type.withPort() != (comma >= 0)) {
      throw new LineSyntaxException(element, "element '" + text + "' does not fit a " + type.keyword() + " set",
          type.withPort() ? "ADDRESS,[PROTO:]PORT" : "an address or prefix");
    }
    Cidr address = Values.addresses(new Token(comma < 0 ? text : text.substring(0, comma), element.column())).getFirst();
    if (!type.withPort()) {
      return IpSetEntry.of(address);
    }
    String portPart = text.substring(comma + 1);
    int colon = portPart.indexOf(':');
    IpProtocol proto = IpProtocol.TCP;
    if (colon >= 0) {
      String p = portPart.substring(0, colon);
      proto = IpProtocol.parse(p).orElseThrow(() -> new LineSyntaxException(element, "bad protocol '" + p + "'", "tcp, udp or sctp"));
      portPart = portPart.substring(colon + 1);
    }
    PortRange ports = Values.portRange(element, portPart);
    return IpSetEntry.of(address, proto, ports);
  }

  private static Token arg(List<Token> t, int i, String expected) {
    if (t.size() <= i) {
      Token last = t.getLast();
      throw new LineSyntaxException(last.column() + last.text().length() + 1, "missing " + expected, expected);
    }
    return t.get(i);
  }

  private static Optional<Integer> indexOf(List<Token> t, String word) {
    for (int i = 3; i < t.size(); i++) {
      if (t.get(i).is(word)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
