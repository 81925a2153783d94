package com.creditdiligence.accountability;

import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.platform.EngineActions;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.submission.Rejection;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accountability reviews over HTTP: an auditor opens one (the same start form, and the same checks, as
 * in Tasklist); anyone reads where a review stands, its age against its one-year due date, its findings,
 * each manager's §28 eligibility and the decisions; and a manager's record across all reviews.
 */
@RestController
class AccountabilityReviewController {

  private final FormService forms;
  private final RepositoryService repository;
  private final ReviewStore store;
  private final Reviews reviews;
  private final CaseFiles caseFiles;
  private final CaseAccess access;
  private final EngineActions engine;

  AccountabilityReviewController(
      FormService forms,
      RepositoryService repository,
      ReviewStore store,
      Reviews reviews,
      CaseFiles caseFiles,
      CaseAccess access,
      EngineActions engine) {
    this.access = access;
    this.engine = engine;
    this.forms = forms;
    this.repository = repository;
    this.store = store;
    this.reviews = reviews;
    this.caseFiles = caseFiles;
  }

  record OpenReviewRequest(
      @NotBlank(message = "必须说明审查理由 A reason for the review is required")
          @Size(max = 4000, message = "理由最多4000字 The reason holds at most 4000 characters")
          String reason) {}

  /**
   * One review as its readers need it: age and due date, whether its evidence verifies (as at opening and now,
   * the worse of the two), findings, eligibility per manager, decisions.
   */
  record ReviewView(
      AccountabilityReview review,
      String status,
      long ageDays,
      boolean overdue,
      EvidenceIntegrity evidenceIntegrity,
      String evidenceStatement,
      List<FindingView> findings,
      List<ExemptionEligibility.Eligibility> eligibility,
      List<Determination> determinations) {}

  /** A finding, and whether it rests on the first broken record of the case's chain or a later one. */
  record FindingView(@JsonUnwrapped ReviewFinding finding, boolean evidenceUnreliable) {}

  @PostMapping("/api/cases/{businessKey}/accountability-reviews")
  ResponseEntity<ReviewView> open(
      @PathVariable String businessKey, @Valid @RequestBody OpenReviewRequest request) {
    if (caseFiles.find(businessKey).isEmpty()) {
      throw Rejection.notFound("没有案件 " + businessKey + " No case " + businessKey);
    }
    // The review's start rule decides who may open one, and says why it refuses.
    ProcessInstance started =
        engine.asApplication(
            () ->
                forms.submitStartForm(
                    repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(Reviews.PROCESS_KEY)
                        .latestVersion()
                        .singleResult()
                        .getId(),
                    Map.of("caseKey", businessKey, "reviewReason", request.reason())));
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/api/accountability-reviews/" + started.getId())
        .body(view(reviews.review(started.getId())));
  }

  @GetMapping("/api/cases/{businessKey}/accountability-reviews")
  List<ReviewView> ofCase(@PathVariable String businessKey) {
    access.read(businessKey);
    return store.reviewsOfCase(businessKey).stream().map(this::view).toList();
  }

  @GetMapping("/api/accountability-reviews/{reviewId}")
  ReviewView one(@PathVariable String reviewId) {
    AccountabilityReview review =
        store
            .review(reviewId)
            .orElseThrow(() -> Rejection.notFound("没有此问责审查 No accountability review " + reviewId));
    access.read(review.businessKey());
    return view(review);
  }

  private ReviewView view(AccountabilityReview review) {
    Instant now = reviews.now();
    List<ReviewFinding> findings = store.findings(review.reviewId());
    Reviews.Assessment assessment =
        reviews.assess(review, findings.stream().map(ReviewFinding::manager).toList());
    EvidenceIntegrity evidence = assessment.evidence();
    return new ReviewView(
        review,
        review.closed() ? "closed" : "open",
        review.ageDays(now),
        review.overdue(now),
        evidence,
        reviews.statementOf(evidence),
        findings.stream().map(f -> new FindingView(f, evidence.unreliable(f.evidence()))).toList(),
        assessment.eligibility(),
        store.determinations(review.reviewId()));
  }
}
