package dev.weft.dataplane.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Prometheus text exposition format: comments and blank lines are skipped, every other line is
 * {@code name{label="value",...} value [timestamp]}. Label values may escape backslash, quote and line
 * feed. A line that breaks the grammar is a {@link MetricsFormatException} naming the line and column.
 */
public final class MetricsParser {
  private final String source;

  public MetricsParser(String source) {
    this.source = source;
  }

  public List<MetricSample> parse(String text) {
    List<MetricSample> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      out.add(new Line(line, i + 1).sample());
    }
    return out;
  }

  /** A cursor over one line. */
  private final class Line {
    private final String text;
    private final int number;
    private int at;

    Line(String text, int number) {
      this.text = text;
      this.number = number;
    }

    MetricSample sample() {
      String name = name("a metric name", true);
      Map<String, String> labels = new LinkedHashMap<>();
      if (peek() == '{') {
        at++;
        labels(labels);
      }
      int spaces = skipSpaces();
      if (spaces == 0) {
        throw error("a space before the value");
      }
      double value = value();
      skipSpaces();
      if (at < text.length()) {
        timestamp();
      }
      return new MetricSample(name, labels, value);
    }

    private void labels(Map<String, String> labels) {
      while (true) {
        skipSpaces();
        if (peek() == '}') {
          at++;
          return;
        }
        String label = name("a label name or '}'", false);
        skipSpaces();
        expect('=');
        skipSpaces();
        expect('"');
        String value = quoted();
        if (labels.put(label, value) != null) {
          throw error("label " + label + " only once");
        }
        skipSpaces();
        if (peek() == ',') {
          at++;
        } else if (peek() != '}') {
          throw error("',' or '}' after a label");
        }
      }
    }

    private String quoted() {
      StringBuilder sb = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          char e = at < text.length() ? text.charAt(at++) : '\0';
          switch (e) {
            case '\\' -> sb.append('\\');
            case '"' -> sb.append('"');
            case 'n' -> sb.append('\n');
            default -> {
              at--;
              throw error("an escape: \\\\, \\\" or \\n");
            }
          }
        } else {
          sb.append(c);
        }
      }
      throw error("a closing '\"'");
    }

    private String name(String what, boolean colons) {
      int start = at;
      while (at < text.length()) {
        char c = text.charAt(at);
        boolean ok = c == '_' || Character.isLetter(c) && c < 128 || (colons && c == ':')
            || (at > start && c >= '0' && c <= '9');
        if (!ok) {
          break;
        }
        at++;
      }
      if (at == start) {
        throw error(what);
      }
      return text.substring(start, at);
    }

    private double value() {
      int start = at;
      while (at < text.length() && text.charAt(at) != ' ' && text.charAt(at) != '\t') {
        at++;
      }
      String token = text.substring(start, at);
      try {
        return switch (token) {
          case "+Inf" -> Double.POSITIVE_INFINITY;
          case "-Inf" -> Double.NEGATIVE_INFINITY;
          case "NaN" -> Double.NaN;
          default -> {
            if (token.isEmpty() || !token.chars().allMatch(c -> "0123456789+-.eE".indexOf(c) >= 0)) {
              throw new NumberFormatException(token);
            }
            yield Double.parseDouble(token);
          }
        };
      } catch (NumberFormatException e) {
        at = start;
        throw error("a number (the sample value)");
      }
    }

    private void timestamp() {
      int start = at;
      while (at < text.length() && (Character.isDigit(text.charAt(at)) || (at == start && text.charAt(at) == '-'))) {
        at++;
      }
      if (at == start || at < text.length()) {
        throw error("an integer timestamp at the end of the line");
      }
    }

    private int skipSpaces() {
      int start = at;
      while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
        at++;
      }
      return at - start;
    }

    private char peek() {
      return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("'" + c + "'");
      }
      at++;
    }

    private MetricsFormatException error(String expected) {
      String found = at < text.length() ? "found '" + text.charAt(at) + "'" : "the line ends";
      return new MetricsFormatException(source, number, at + 1, found, expected);
    }
  }
}
