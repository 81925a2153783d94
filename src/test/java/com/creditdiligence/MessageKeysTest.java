package com.creditdiligence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A message key means one thing: no key is defined in two bundles (Spring would silently take the first). */
class MessageKeysTest {

  @Test
  void noKeyIsDefinedInTwoBundles() throws IOException {
    Map<String, String> owner = new HashMap<>();
    Map<String, List<String>> twice = new HashMap<>();
    List<Path> bundles;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/messages"))) {
      bundles = files.filter(f -> f.toString().endsWith(".properties")).sorted().toList();
    }
    assertThat(bundles)
        .extracting(f -> f.getFileName().toString())
        .contains("audit.properties", "handover.properties");
    for (Path bundle : bundles) {
      Properties keys = new Properties();
      try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
        keys.load(reader);
      }
      for (String key : keys.stringPropertyNames()) {
        String first = owner.putIfAbsent(key, bundle.getFileName().toString());
        if (first != null) {
          twice.put(key, List.of(first, bundle.getFileName().toString()));
        }
      }
    }
    assertThat(twice).isEmpty();
  }
}
