package com.creditdiligence.audit;

import com.creditdiligence.platform.EngineActions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** The names people go by (Camunda's users, first and last name), for the pages and the dossier that name them. */
@Component
class People {

  private final IdentityService identity;
  private final EngineActions engine;

  People(IdentityService identity, EngineActions engine) {
    this.identity = identity;
    this.engine = engine;
  }

  /** User id → name, for each id that names a user with a name; an id with none is left out (shown as it is). */
  Map<String, String> named(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    // Whoever may read the case may read the names of those who acted on it, whatever Camunda grants them.
    return engine.asApplication(() -> {
      Map<String, String> names = new LinkedHashMap<>();
      identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().forEach(user -> {
        String name = name(Objects.toString(user.getFirstName(), "").trim(), Objects.toString(user.getLastName(), "").trim());
        if (!name.isEmpty()) {
          names.put(user.getId(), name);
        }
      });
      return names;
    });
  }

  /** «王» + «经理一» → «王经理一» (a Chinese name is written together); «委员1» + «Committee member 1» apart. */
  static String name(String first, String last) {
    boolean apart = !first.isEmpty() && !last.isEmpty() && last.charAt(0) < 0x2E80;
    return (first + (apart ? " " : "") + last).trim();
  }
}
