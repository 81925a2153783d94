package com.creditdiligence.security;

import com.creditdiligence.platform.EngineActions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The names people go by (Camunda's users, first and last name), for the pages and documents that name them.
 * Whoever may read a page may read the names of those it names, whatever Camunda grants them: looked up as the
 * application.
 */
@Component
public class People {

  private final IdentityService identity;
  private final EngineActions engine;

  People(IdentityService identity, EngineActions engine) {
    this.identity = identity;
    this.engine = engine;
  }

  /** User id → name, for each id that names a user with a name; an id with none is left out (shown as it is). */
  public Map<String, String> named(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return engine.asApplication(
        () -> {
          Map<String, String> names = new LinkedHashMap<>();
          identity
              .createUserQuery()
              .userIdIn(userIds.toArray(String[]::new))
              .list()
              .forEach(
                  user -> {
                    String name = nameOf(user);
                    if (!name.isEmpty()) {
                      names.put(user.getId(), name);
                    }
                  });
          return names;
        });
  }

  /** «王经理一 (manager1)»: the name first, the id for the record; the id alone for a user without a name. */
  public String name(String userId) {
    if (userId == null || userId.isBlank()) {
      return "—";
    }
    User user =
        engine.asApplication(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : name(user);
  }

  /** «王经理一 (manager1)» for each of these ids, looked up together; an id with no name shown as it is. */
  public Function<String, String> shown(Collection<String> userIds) {
    Map<String, String> names =
        named(userIds.stream().filter(Objects::nonNull).distinct().toList());
    return id -> names.containsKey(id) ? names.get(id) + " (" + id + ")" : id;
  }

  public boolean exists(String userId) {
    return userId != null
        && engine.asApplication(() -> identity.createUserQuery().userId(userId).count() > 0);
  }

  public static String name(User user) {
    String name = nameOf(user);
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }

  private static String nameOf(User user) {
    return name(
        Objects.toString(user.getFirstName(), "").trim(),
        Objects.toString(user.getLastName(), "").trim());
  }

  /** «王» + «经理一» → «王经理一» (a Chinese name is written together); «委员1» + «Committee member 1» apart. */
  static String name(String first, String last) {
    boolean apart = !first.isEmpty() && !last.isEmpty() && last.charAt(0) < 0x2E80;
    return (first + (apart ? " " : "") + last).trim();
  }
}
