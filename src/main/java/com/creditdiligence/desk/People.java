package com.creditdiligence.desk;

import com.creditdiligence.platform.EngineActions;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Users named as people read them: «王经理一 (manager1)», the name first, the id for the record. */
@Component
public class People {

  private final IdentityService identity;
  private final EngineActions actions;

  People(IdentityService identity, EngineActions actions) {
    this.identity = identity;
    this.actions = actions;
  }

  public String name(String userId) {
    if (userId == null || userId.isBlank()) {
      return "—";
    }
    User user = actions.asApplication(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : name(user);
  }

  public boolean exists(String userId) {
    return userId != null && actions.asApplication(() -> identity.createUserQuery().userId(userId).count() > 0);
  }

  public static String name(User user) {
    String first = Optional.ofNullable(user.getFirstName()).orElse("");
    String last = Optional.ofNullable(user.getLastName()).orElse("");
    // 王 + 经理一 are written together; 问责委员1 + Board member 1 (a Chinese and an English name) apart.
    String name = first + (!first.isEmpty() && !last.isEmpty() && last.charAt(0) < 128 ? " " : "") + last;
    return name.isBlank() ? user.getId() : name + " (" + user.getId() + ")";
  }
}
