package dev.weft.topology;

import dev.weft.document.DocNode;
import dev.weft.document.DocNode.DocEntry;
import dev.weft.document.DocNode.DocList;
import dev.weft.document.DocNode.DocMap;
import dev.weft.document.DocNode.DocScalar;
import dev.weft.document.Location;
import dev.weft.document.ScalarKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Rebuilds document trees with one change, for mutation tests; locations of new nodes are placeholders. */
final class TreeEdits {
  static final Location NOWHERE = new Location("edit", 1, 1);

  private TreeEdits() {}

  /** A node of a tree, with the keys and indexes that lead to it. */
  record Site(List<Object> path, DocNode node) {
    Optional<String> key() {
      return path.isEmpty() || !(path.getLast() instanceof String k) ? Optional.empty() : Optional.of(k);
    }

    /** The key of the map this site's parent list belongs to, such as "hosts" for hosts[1]. */
    Optional<String> listKey() {
      for (int i = path.size() - 1; i >= 0; i--) {
        if (path.get(i) instanceof String k) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }

    boolean under(String key) {
      return path.contains(key);
    }
  }

  static List<Site> sites(DocNode root) {
    List<Site> out = new ArrayList<>();
    walk(root, List.of(), out);
    return out;
  }

  private static void walk(DocNode node, List<Object> path, List<Site> out) {
    out.add(new Site(path, node));
    switch (node) {
      case DocMap m -> m.entries().forEach((k, e) -> walk(e.value(), append(path, k), out));
      case DocList l -> {
        for (int i = 0; i < l.items().size(); i++) {
          walk(l.items().get(i), append(path, i), out);
        }
      }
      case DocScalar s -> {}
    }
  }

  static List<Object> append(List<Object> path, Object step) {
    List<Object> p = new ArrayList<>(path);
    p.add(step);
    return List.copyOf(p);
  }

  static DocScalar text(String s) {
    return new DocScalar(NOWHERE, s, ScalarKind.STRING);
  }

  /** Replaces the node at {@code path} (empty result: delete the map entry or list item). */
  static DocNode edit(DocNode node, List<Object> path, Function<DocNode, Optional<DocNode>> change) {
    return edit(node, path, 0, change).orElseThrow();
  }

  private static Optional<DocNode> edit(DocNode node, List<Object> path, int at, Function<DocNode, Optional<DocNode>> f) {
    if (at == path.size()) {
      return f.apply(node);
    }
    Object step = path.get(at);
    return Optional.of(switch (node) {
      case DocMap m -> {
        LinkedHashMap<String, DocEntry> entries = new LinkedHashMap<>();
        m.entries().forEach((k, e) -> {
          if (k.equals(step)) {
            edit(e.value(), path, at + 1, f).ifPresent(v -> entries.put(k, new DocEntry(k, e.keyLocation(), v)));
          } else {
            entries.put(k, e);
          }
        });
        yield new DocMap(m.location(), entries);
      }
      case DocList l -> {
        List<DocNode> items = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
          if (step.equals(i)) {
            edit(l.items().get(i), path, at + 1, f).ifPresent(items::add);
          } else {
            items.add(l.items().get(i));
          }
        }
        yield new DocList(l.location(), items);
      }
      case DocScalar s -> throw new IllegalArgumentException("no " + step + " under a scalar");
    });
  }

  /** Renames one key of the map at {@code mapPath}, keeping its place. */
  static DocNode renameKey(DocNode root, List<Object> mapPath, String from, String to) {
    return edit(root, mapPath, node -> {
      DocMap m = (DocMap) node;
      LinkedHashMap<String, DocEntry> entries = new LinkedHashMap<>();
      m.entries().forEach((k, e) -> entries.put(k.equals(from) ? to : k, new DocEntry(k.equals(from) ? to : k,
          e.keyLocation(), e.value())));
      return Optional.of(new DocMap(m.location(), entries));
    });
  }
}
