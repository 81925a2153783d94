package com.creditdiligence.audit;

import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.platform.TaskRules;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.submission.Rejection;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The replay of a case: {@code GET /api/cases/{key}/timeline?stage=&actor=&type=&from=&to=&page=&size=}. */
@RestController
class TimelineController {

  /** A replay's bounds lie within what both databases' timestamps hold; no case is older than this. */
  static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final EvidenceLedger ledger;
  private final CaseAccess access;
  private final TaskRules steps;

  TimelineController(EvidenceLedger ledger, CaseAccess access, TaskRules steps) {
    this.ledger = ledger;
    this.access = access;
    this.steps = steps;
  }

  @GetMapping("/api/cases/{businessKey}/timeline")
  Timeline.Page timeline(
      @PathVariable String businessKey,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    if (page < 0) {
      throw Rejection.invalid("page", "页码不能为负 The page cannot be negative");
    }
    if (size < 1 || size > 1000) {
      throw Rejection.invalid("size", "每页1至1000条 A page holds 1 to 1000 entries");
    }
    inRange("from", from);
    inRange("to", to);
    access.read(businessKey);
    return Timeline.of(
        ledger.summaries(businessKey, actor, type, from, to),
        steps.stages(),
        new Timeline.Filter(stage, actor, type, from, to),
        page,
        size);
  }

  private static void inRange(String parameter, Instant bound) {
    if (bound != null && (bound.isBefore(EARLIEST) || bound.isAfter(LATEST))) {
      throw Rejection.invalid(
          parameter, "时间应在1900年至9999年之间 The time must lie between 1900 and 9999: " + bound);
    }
  }
}
