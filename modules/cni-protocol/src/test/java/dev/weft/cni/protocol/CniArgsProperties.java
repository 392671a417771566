package dev.weft.cni.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CniArgsProperties {

  @Property
  void formatThenParseGivesTheSamePairs(@ForAll("pairs") Map<String, String> pairs) throws Exception {
    String text = pairs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    assertThat(CniArgs.parse(text).values()).containsExactlyEntriesOf(pairs);
  }

  @Provide
  Arbitrary<Map<String, String>> pairs() {
    Arbitrary<String> keys = Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> values = Arbitraries.strings().withCharRange('!', '~').excludeChars(';', '=').ofMaxLength(16);
    return Arbitraries.maps(keys, values).ofMaxSize(6).map(LinkedHashMap::new);
  }
}
