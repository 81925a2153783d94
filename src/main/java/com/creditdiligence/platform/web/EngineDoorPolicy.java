package com.creditdiligence.platform.web;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a business user may ask of the engine's REST API (/engine-rest and the webapps' /camunda/api/engine):
 * read what Camunda's authorizations let them read, query, claim a task offered to them, complete their task,
 * start a process, comment, keep their own Tasklist filters and profile. Everything else — variable writes,
 * assignee changes and delegation, message correlation, signals, jobs and retries, process-instance
 * modification, migration, deletion, suspension, decision evaluation, deployments, identity administration —
 * is refused before it reaches the engine, so a refused call changes nothing. Deny by default: a path not
 * named here is refused, including those a later Camunda version adds.
 *
 * <p>Plain Java: it sees the method and the path's segments (after the engine prefix), never a request.
 */
final class EngineDoorPolicy {

  /** What to do with a request. */
  enum Kind {
    /** Reads and queries: Camunda's authorizations decide. */
    PASS,
    /** A task completion: the submitted variables are checked against the task's form first. */
    COMPLETE_TASK,
    /** A process start: no start instructions or skips, no business key, the variables of its start form only. */
    START_PROCESS,
    /** A claim: only for oneself. */
    CLAIM_TASK,
    /** An unclaim: only of a task offered to a group or to several people, so that it goes back to them. */
    UNCLAIM_TASK,
    /** The user's own profile or password: only their own. */
    OWN_USER,
    REFUSE
  }

  /** The decision: what kind of request it is, and the path parameter it concerns (task, definition, user). */
  record Route(Kind kind, String subject, boolean byKey) {

    static Route of(Kind kind) {
      return new Route(kind, null, false);
    }
  }

  private static final String ID = "[^/]+";

  /** Resources whose POST on the collection (or its /count) is a query with a body, not a change. */
  private static final Set<String> QUERIES =
      Set.of("task", "process-instance", "execution", "variable-instance", "job", "external-task");

  /** History resources queried by POST (Cockpit's history views); /history/cleanup and deletions are not among them. */
  private static final Set<String> HISTORY_QUERIES =
      Set.of("process-instance", "activity-instance", "task", "variable-instance", "detail");

  private static final Pattern TASK_ACTION =
      Pattern.compile("task/(" + ID + ")/(complete|submit-form|claim|unclaim)");
  private static final Pattern TASK_COMMENT = Pattern.compile("task/" + ID + "/comment/create");
  private static final Pattern START_BY_ID =
      Pattern.compile("process-definition/(" + ID + ")/(start|submit-form)");
  private static final Pattern START_BY_KEY =
      Pattern.compile("process-definition/key/(" + ID + ")/(start|submit-form)");
  private static final Pattern FILTER_READ =
      Pattern.compile("filter/" + ID + "/(list|count|singleResult)");
  private static final Pattern FILTER_ONE = Pattern.compile("filter/" + ID);
  private static final Pattern OWN_USER =
      Pattern.compile("user/(" + ID + ")/(profile|credentials)");

  private EngineDoorPolicy() {}

  static Route route(String method, List<String> segments) {
    String path = String.join("/", segments);
    switch (method) {
      case "GET", "HEAD", "OPTIONS":
        return Route.of(Kind.PASS);
      case "POST":
        return post(segments, path);
      case "PUT":
        if (FILTER_ONE.matcher(path).matches()) {
          return Route.of(Kind.PASS);
        }
        var user = OWN_USER.matcher(path);
        return user.matches()
            ? new Route(Kind.OWN_USER, user.group(1), false)
            : Route.of(Kind.REFUSE);
      case "DELETE":
        // A Tasklist filter of one's own (Camunda checks the owner); nothing of a case.
        return FILTER_ONE.matcher(path).matches() ? Route.of(Kind.PASS) : Route.of(Kind.REFUSE);
      default:
        return Route.of(Kind.REFUSE);
    }
  }

  private static Route post(List<String> segments, String path) {
    if (isQuery(segments)) {
      return Route.of(Kind.PASS);
    }
    var task = TASK_ACTION.matcher(path);
    if (task.matches()) {
      Kind kind =
          switch (task.group(2)) {
            case "claim" -> Kind.CLAIM_TASK;
            case "unclaim" -> Kind.UNCLAIM_TASK;
            default -> Kind.COMPLETE_TASK;
          };
      return new Route(kind, task.group(1), false);
    }
    var byKey = START_BY_KEY.matcher(path);
    if (byKey.matches()) {
      return new Route(Kind.START_PROCESS, byKey.group(1), true);
    }
    var byId = START_BY_ID.matcher(path);
    if (byId.matches() && !"key".equals(byId.group(1))) {
      return new Route(Kind.START_PROCESS, byId.group(1), false);
    }
    if (TASK_COMMENT.matcher(path).matches()
        || FILTER_READ.matcher(path).matches()
        || path.equals("filter")
        || path.equals("identity/password-policy")) {
      return Route.of(Kind.PASS);
    }
    return Route.of(Kind.REFUSE);
  }

  /** POST {resource} or {resource}/count for a queryable resource, or the same under history. */
  private static boolean isQuery(List<String> segments) {
    boolean count = !segments.isEmpty() && segments.get(segments.size() - 1).equals("count");
    List<String> resource = count ? segments.subList(0, segments.size() - 1) : segments;
    if (resource.size() == 1) {
      return QUERIES.contains(resource.get(0));
    }
    return resource.size() == 2
        && resource.get(0).equals("history")
        && HISTORY_QUERIES.contains(resource.get(1));
  }
}
