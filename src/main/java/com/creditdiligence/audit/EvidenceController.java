package com.creditdiligence.audit;

import com.creditdiligence.evidence.Amendments;
import com.creditdiligence.evidence.ChainVerification;
import com.creditdiligence.evidence.EvidenceDisclosure;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.evidence.EvidenceRecord;
import com.creditdiligence.evidence.EvidenceView;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A case's evidence ledger, its verification, and §19 amendments. Record ids are the case's sequence numbers. */
@RestController
@RequestMapping("/api/cases/{businessKey}/evidence")
class EvidenceController {

  private final EvidenceLedger ledger;
  private final Amendments amendments;
  private final IdentityService identity;
  private final EvidenceDisclosure disclosure;
  private final CaseAccess access;
  private final BusinessTime businessTime;

  EvidenceController(
      EvidenceLedger ledger,
      Amendments amendments,
      IdentityService identity,
      EvidenceDisclosure disclosure,
      CaseAccess access,
      BusinessTime businessTime) {
    this.access = access;
    this.ledger = ledger;
    this.amendments = amendments;
    this.identity = identity;
    this.disclosure = disclosure;
    this.businessTime = businessTime;
  }

  @GetMapping
  List<EvidenceView> evidence(@PathVariable String businessKey) {
    access.read(businessKey);
    List<EvidenceRecord> records = ledger.records(businessKey);
    if (records.isEmpty() && ledger.headSequence(businessKey).isEmpty()) {
      throw unknownCase(businessKey);
    }
    return EvidenceView.of(
        records, disclosure.sealedFor(businessKey, access.inGroup(Memberships.AUDITOR)));
  }

  @GetMapping("/verification")
  ChainVerification verification(@PathVariable String businessKey) {
    access.read(businessKey);
    if (ledger.headSequence(businessKey).isEmpty() && ledger.records(businessKey).isEmpty()) {
      throw unknownCase(businessKey);
    }
    return ledger.verify(businessKey);
  }

  record AmendmentRequest(
      @NotBlank(message = "必须说明修正理由 A reason is required")
          @Size(min = 10, max = 4000, message = "理由至少10个字 The reason needs at least 10 characters")
          String reason,
      @NotEmpty(message = "必须列出修正的字段 List the fields that change") Map<String, Object> changes) {}

  @PostMapping("/{id}/amendments")
  @ResponseStatus(HttpStatus.CREATED)
  EvidenceView amend(
      @PathVariable String businessKey,
      @PathVariable int id,
      @Valid @RequestBody AmendmentRequest request) {
    String user = access.act(businessKey);
    Instant now = businessTime.now();
    return EvidenceView.of(
        amendments.amend(businessKey, id, request.reason(), request.changes(), user, now),
        List.of(),
        false);
  }

  private static Rejection unknownCase(String businessKey) {
    return Rejection.notFound("没有案件 " + businessKey + " No case " + businessKey);
  }
}
