package dev.weft.netfilter.save;

import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code iptables-save} output into a {@link Ruleset}.
 *
 * <p>Accepted lines: {@code # comments}, {@code *table}, {@code :CHAIN POLICY [packets:bytes]},
 * {@code [packets:bytes] -A CHAIN rule} (counters optional), {@code -N CHAIN}, {@code -P CHAIN POLICY} and
 * {@code COMMIT}. Words are split and unquoted as iptables-restore does. Every problem is reported with
 * its file, line and column; parsing goes on after an error so that one run lists all of them, and the
 * result is an {@link IptablesSaveException} if there was any. Unknown matches and targets are kept as
 * {@code Unknown} with a warning.
 */
public final class IptablesSaveParser {

  /** Reads a dump from a file; an unreadable file is reported like a syntax error (line 0). */
  public ParsedRuleset parse(Path file) throws IptablesSaveException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ProblemSink.unreadable(file.toString(), "cannot read the file: " + e.getMessage(),
          "a readable iptables-save dump");
    }
    return parse(file.toString(), text);
  }

  public ParsedRuleset parse(String file, String text) throws IptablesSaveException {
    ProblemSink sink = new ProblemSink(file);
    List<NetfilterTable> tables = new ArrayList<>();
    List<Table> seen = new ArrayList<>();
    Optional<TableBuilder> open = Optional.empty();
    boolean skipping = false;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || (skipping && !trimmed.equals("COMMIT"))) {
        continue;
      }
      if (skipping) {
        skipping = false;
        continue;
      }
      try {
        open = line(line, lineNo, open, seen, tables, sink);
      } catch (LineSyntaxException e) {
        sink.error(lineNo, e.column(), e.getMessage(), e.expected());
        // a table that could not be opened: its lines would only repeat the error
        skipping = trimmed.startsWith("*") && open.isEmpty();
      }
    }
    open.ifPresent(t -> sink.error(t.line(), 1, "table " + t.table().keyword() + " is never committed",
        "a COMMIT line at the end of the table"));
    if (sink.hasErrors()) {
      throw new IptablesSaveException(sink.sorted());
    }
    return new ParsedRuleset(Ruleset.of(tables), sink.warnings());
  }

  private Optional<TableBuilder> line(String line, int lineNo, Optional<TableBuilder> open, List<Table> seen,
      List<NetfilterTable> tables, ProblemSink sink) {
    int indent = line.length() - line.stripLeading().length();
    String trimmed = line.strip();
    if (trimmed.startsWith("*")) {
      if (open.isPresent()) {
        throw new LineSyntaxException(indent + 1, "table " + open.get().table().keyword() + " (line "
            + open.get().line() + ") is not committed before this table", "COMMIT before the next *table");
      }
      String name = trimmed.substring(1);
      Table t = Table.byKeyword(name).orElseThrow(() -> new LineSyntaxException(indent + 2,
          "unknown table '" + name + "'", "raw, mangle, nat, filter or security"));
      if (seen.contains(t)) {
        throw new LineSyntaxException(indent + 1, "table " + name + " appears twice", "each table once");
      }
      seen.add(t);
      return Optional.of(new TableBuilder(t, lineNo));
    }
    TableBuilder table = open.orElseThrow(() -> new LineSyntaxException(indent + 1,
        "'" + firstWord(trimmed) + "' outside a table", "a *table line first (such as *filter)"));
    if (trimmed.equals("COMMIT")) {
      table.commit(sink).ifPresent(tables::add);
      return Optional.empty();
    }
    SaveTokenizer.Result r = SaveTokenizer.tokenize(line);
    r.unterminatedQuoteAt().ifPresent(col -> {
      throw new LineSyntaxException(col, "quote is never closed", "a closing \" on the same line");
    });
    List<Token> tokens = r.tokens();
    if (trimmed.startsWith(":")) {
      chainDeclaration(table, tokens, lineNo);
    } else {
      command(table, tokens, lineNo, sink);
    }
    return open;
  }

  private static void chainDeclaration(TableBuilder table, List<Token> tokens, int lineNo) {
    Token first = tokens.getFirst();
    if (tokens.size() < 2 || tokens.size() > 3 || first.text().length() < 2) {
      throw new LineSyntaxException(first, "malformed chain line", ":CHAIN POLICY [packets:bytes]");
    }
    Token name = new Token(first.text().substring(1), first.column() + 1);
    Token policy = tokens.get(1);
    if (tokens.size() == 3) {
      counters(tokens.get(2));
    }
    Optional<Policy> p = switch (policy.text()) {
      case "-" -> Optional.empty();
      case "ACCEPT" -> Optional.of(Policy.ACCEPT);
      case "DROP" -> Optional.of(Policy.DROP);
      default -> throw new LineSyntaxException(policy, "bad policy '" + policy.text() + "'",
          "ACCEPT or DROP for a built-in chain, - for a user chain");
    };
    table.declare(name, p, lineNo);
  }

  private static void command(TableBuilder table, List<Token> tokens, int lineNo, ProblemSink sink) {
    int at = 0;
    if (tokens.getFirst().text().startsWith("[")) {
      counters(tokens.getFirst());
      at = 1;
    }
    if (at >= tokens.size()) {
      throw new LineSyntaxException(tokens.getFirst(), "counters without a rule", "[packets:bytes] -A CHAIN ...");
    }
    Token cmd = tokens.get(at);
    Token chain = at + 1 < tokens.size() ? tokens.get(at + 1)
        : new Token("", cmd.column() + cmd.text().length() + 1);
    if (chain.text().isEmpty()) {
      throw new LineSyntaxException(chain, cmd.text() + " needs a chain name", cmd.text() + " CHAIN");
    }
    switch (cmd.text()) {
      case "-A", "--append" -> table.append(chain,
          RuleLineParser.parse(tokens, at + 2, (tok, msg) -> sink.warning(SaveProblemKind.UNINTERPRETED_MATCH, lineNo, tok.column(), msg)), lineNo);
      case "-N", "--new-chain" -> {
        requireEnd(tokens, at + 2);
        table.declare(chain, Optional.empty(), lineNo);
      }
      case "-P", "--policy" -> {
        Token p = at + 2 < tokens.size() ? tokens.get(at + 2) : chain;
        requireEnd(tokens, at + 3);
        if (!p.is("ACCEPT", "DROP")) {
          throw new LineSyntaxException(p, "bad policy '" + p.text() + "'", "ACCEPT or DROP");
        }
        table.policy(chain, Policy.valueOf(p.text()), lineNo);
      }
      default -> throw new LineSyntaxException(cmd, "unexpected '" + cmd.text() + "'",
          "a chain line (:CHAIN POLICY [0:0]), a rule (-A CHAIN ...), -N CHAIN, -P CHAIN POLICY or COMMIT");
    }
  }

  private static void requireEnd(List<Token> tokens, int end) {
    if (tokens.size() > end) {
      throw new LineSyntaxException(tokens.get(end), "unexpected '" + tokens.get(end).text() + "'", "end of line");
    }
  }

  private static void counters(Token t) {
    if (!t.text().matches("\\[[0-9]+:[0-9]+\\]")) {
      throw new LineSyntaxException(t, "bad counters '" + t.text() + "'", "[packets:bytes] such as [0:0]");
    }
  }

  private static String firstWord(String s) {
    int sp = s.indexOf(' ');
    return sp < 0 ? s : s.substring(0, sp);
  }
}
