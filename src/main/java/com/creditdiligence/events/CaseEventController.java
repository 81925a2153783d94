package com.creditdiligence.events;

import com.creditdiligence.platform.EngineActions;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Events from outside: a major event (§20, §14) or an early-warning signal (附录五) for a live case. */
@RestController
@RequestMapping("/api/cases/{businessKey}")
class CaseEventController {

  private final CaseEvents events;
  private final CaseAccess access;
  private final EngineActions engine;
  private final BusinessTime businessTime;

  /** Events are reported about guarantees this company handles: nothing before 2000 is a real date here. */
  static final LocalDate EARLIEST_EVENT = LocalDate.of(2000, 1, 1);

  CaseEventController(
      CaseEvents events, CaseAccess access, EngineActions engine, BusinessTime businessTime) {
    this.access = access;
    this.engine = engine;
    this.events = events;
    this.businessTime = businessTime;
  }

  record MajorEventRequest(
      @NotBlank(message = "必须选择事项类别 The kind is required") String kind,
      @NotBlank(message = "必须说明情况 A description is required")
          @Size(max = 4000, message = "说明最多4000字 The description holds at most 4000 characters")
          String description,
      @NotNull(message = "必须给出发生日期 The date it occurred is required")
          @PastOrPresent(message = "发生日期不能晚于今天 It cannot have occurred in the future")
          LocalDate occurredOn) {

    @AssertTrue(message = "发生日期不在合理范围 The date it occurred is out of range (2000 or later)")
    boolean isOccurredOnPlausible() {
      return occurredOn == null || !occurredOn.isBefore(EARLIEST_EVENT);
    }
  }

  record WarningSignalRequest(
      @NotBlank(message = "必须选择预警类别 The category is required") String category,
      @NotBlank(message = "必须选择预警信号 The signal is required") String item,
      @NotBlank(message = "必须说明情况 A description is required")
          @Size(max = 4000, message = "说明最多4000字 The description holds at most 4000 characters")
          String description,
      @NotNull(message = "必须给出发生日期 The date it occurred is required")
          @PastOrPresent(message = "发生日期不能晚于今天 It cannot have occurred in the future")
          LocalDate occurredOn) {

    @AssertTrue(message = "发生日期不在合理范围 The date it occurred is out of range (2000 or later)")
    boolean isOccurredOnPlausible() {
      return occurredOn == null || !occurredOn.isBefore(EARLIEST_EVENT);
    }
  }

  @PostMapping("/major-events")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> majorEvent(
      @PathVariable String businessKey, @Valid @RequestBody MajorEventRequest request) {
    if (!MajorEventKind.CODES.contains(request.kind())) {
      throw Rejection.invalid("kind", "未知的重大事项类别 Unknown kind; one of " + MajorEventKind.CODES);
    }
    access.act(businessKey);
    engine.asApplicationRetrying(
        () ->
            events.majorEvent(
                businessKey,
                request.kind(),
                request.description(),
                request.occurredOn(),
                businessTime.now()));
    return Map.of("businessKey", businessKey, "received", "majorEvent", "kind", request.kind());
  }

  @PostMapping("/warning-signals")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> warningSignal(
      @PathVariable String businessKey, @Valid @RequestBody WarningSignalRequest request) {
    WarningSignalCategory category =
        WarningSignalCategory.fromCode(request.category())
            .orElseThrow(() -> Rejection.invalid("category", "未知的预警类别 Unknown category"));
    if (!category.hasItem(request.item())) {
      throw Rejection.invalid("item", "该类别没有此预警信号 No such signal in " + category.label());
    }
    access.act(businessKey);
    engine.asApplicationRetrying(
        () ->
            events.warningSignal(
                businessKey,
                request.category(),
                request.item(),
                request.description(),
                request.occurredOn(),
                businessTime.now()));
    return Map.of("businessKey", businessKey, "received", "warningSignal", "item", request.item());
  }
}
