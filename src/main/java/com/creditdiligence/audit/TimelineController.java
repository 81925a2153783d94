package com.creditdiligence.audit;

import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.platform.TaskRules;
import com.creditdiligence.platform.web.ApiProblem;
import com.creditdiligence.security.CaseAccess;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The replay of a case: {@code GET /api/cases/{key}/timeline?stage=&actor=&type=&from=&to=&page=&size=}. */
@RestController
class TimelineController {

  private final EvidenceLedger ledger;
  private final CaseAccess access;
  private final TaskRules steps;

  TimelineController(EvidenceLedger ledger, CaseAccess access, TaskRules steps) {
    this.ledger = ledger;
    this.access = access;
    this.steps = steps;
  }

  @GetMapping("/api/cases/{businessKey}/timeline")
  Timeline.Page timeline(@PathVariable String businessKey,
                         @RequestParam(required = false) String stage, @RequestParam(required = false) String actor,
                         @RequestParam(required = false) String type, @RequestParam(required = false) Instant from,
                         @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "100") int size) {
    if (page < 0) {
      throw ApiProblem.badField("page", "页码不能为负 The page cannot be negative");
    }
    if (size < 1 || size > 1000) {
      throw ApiProblem.badField("size", "每页1至1000条 A page holds 1 to 1000 entries");
    }
    access.read(businessKey);
    return Timeline.of(ledger.summaries(businessKey, actor, type, from, to), steps.stages(),
        new Timeline.Filter(stage, actor, type, from, to), page, size);
  }
}
