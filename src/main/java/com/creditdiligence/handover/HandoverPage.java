package com.creditdiligence.handover;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.platform.EngineActions;
import com.creditdiligence.platform.web.RefusalStatus;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.security.People;
import com.creditdiligence.security.Qualification;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The department head hands a case to another customer manager at any stage ({@code /cases/{key}/handover}): picked
 * by name among the customer managers, those not qualified today shown but not offered, with a reason. All or
 * nothing: the case file, the open tasks and the ledger's record change together, or not at all. Written by the
 * template {@code templates/handover/handover.html}, its words in {@code messages/handover}.
 */
@Controller
class HandoverPage {

  private final CaseAccess access;
  private final CaseFiles caseFiles;
  private final CaseHandovers handovers;
  private final Qualifications qualifications;
  private final ProcessEngine engine;
  private final EngineActions actions;
  private final TransactionTemplate transaction;
  private final BusinessTime businessTime;
  private final MessageSource messages;
  private final People people;

  HandoverPage(
      CaseAccess access,
      CaseFiles caseFiles,
      CaseHandovers handovers,
      Qualifications qualifications,
      ProcessEngine engine,
      EngineActions actions,
      TransactionTemplate transaction,
      BusinessTime businessTime,
      MessageSource messages,
      People people) {
    this.messages = messages;
    this.people = people;
    this.access = access;
    this.caseFiles = caseFiles;
    this.handovers = handovers;
    this.qualifications = qualifications;
    this.engine = engine;
    this.actions = actions;
    this.transaction = transaction;
    this.businessTime = businessTime;
  }

  @GetMapping(value = "/cases/{businessKey}/handover", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(
      @PathVariable String businessKey,
      @RequestParam(required = false) String handedTo,
      CsrfToken csrf) {
    return answer(businessKey, csrf, handedTo, null, HttpStatus.OK);
  }

  @PostMapping(
      value = "/cases/{businessKey}/handover",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ModelAndView handOver(
      @PathVariable String businessKey,
      @RequestParam(required = false) String successor,
      @RequestParam(required = false) String reason,
      CsrfToken csrf) {
    String head;
    try {
      head = access.memberOf(Memberships.DEPARTMENT_HEAD);
      access.read(businessKey);
    } catch (Rejection refused) {
      return refusedPage(refused);
    }
    Instant now = businessTime.now();
    String why = reason == null ? "" : reason.strip();
    // Checked and done in one transaction, so that a handover made meanwhile (the case's manager
    // changed) is seen. The
    // head moves tasks that are not theirs: the application does it, on their word, recorded as
    // theirs.
    List<String> refused =
        transaction.execute(
            status ->
                actions.asApplication(
                    () -> {
                      List<String> refusals =
                          handovers.refusals(
                              businessKey, successor, why, businessTime.dayOf(now), engine);
                      if (refusals.isEmpty()) {
                        handovers.handOver(businessKey, successor, why, head, now, engine);
                      }
                      return refusals;
                    }));
    if (!refused.isEmpty()) {
      return answer(businessKey, csrf, null, String.join("; ", refused), HttpStatus.BAD_REQUEST);
    }
    RedirectView handed =
        new RedirectView(
            UriComponentsBuilder.fromPath("/cases/{key}/handover")
                .queryParam("handedTo", successor)
                .buildAndExpand(businessKey)
                .encode()
                .toUriString());
    handed.setStatusCode(HttpStatus.SEE_OTHER);
    return new ModelAndView(handed);
  }

  /** What a successor looks like in the list: the name, and whether their qualification lets them take the case. */
  record Successor(String id, String name, boolean qualified, String standing) {}

  private ModelAndView answer(
      String businessKey, CsrfToken csrf, String handedTo, String refusal, HttpStatus status) {
    try {
      access.memberOf(Memberships.DEPARTMENT_HEAD);
      access.read(businessKey);
    } catch (Rejection refused) {
      return refusedPage(refused);
    }
    Optional<CaseFile> file = caseFiles.find(businessKey);
    if (file.isEmpty()) {
      return refusedPage(Rejection.notFound("没有案件 " + businessKey + " No case " + businessKey));
    }
    ModelAndView page = new ModelAndView("handover/handover");
    // The token (and the session that keeps it) exists before the page is written.
    csrf.getToken();
    page.addObject("csrf", csrf);
    page.addObject("file", file.get());
    page.addObject("currentManager", people.name(file.get().caseManager()));
    page.addObject("managers", successors(file.get()));
    // The notice names whom the record says now holds the case, by name; an address naming anyone
    // else says nothing.
    page.addObject(
        "handedTo",
        handedTo != null && handedTo.equals(file.get().caseManager())
            ? people.name(handedTo)
            : null);
    page.addObject("refusal", refusal);
    page.setStatus(status);
    return page;
  }

  /** The customer managers but the case's own, by user id; those not qualified today shown, not offered. */
  private List<Successor> successors(CaseFile file) {
    LocalDate today = businessTime.today();
    List<User> managers =
        actions.asApplication(
            () ->
                engine
                    .getIdentityService()
                    .createUserQuery()
                    .memberOfGroup(Memberships.CUSTOMER_MANAGER)
                    .orderByUserId()
                    .asc()
                    .list());
    return managers.stream()
        .filter(m -> !m.getId().equals(file.caseManager()))
        .map(
            manager -> {
              Optional<Qualification> qualification = qualifications.of(manager.getId());
              boolean qualified = qualification.filter(q -> q.validOn(today)).isPresent();
              String standing =
                  qualification
                      .map(
                          q ->
                              qualified
                                  ? text("handover.qualifiedUntil", q.validUntil().toString())
                                  : text("handover.notQualified"))
                      .orElse(text("handover.noQualification"));
              return new Successor(manager.getId(), People.name(manager), qualified, standing);
            })
        .toList();
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
  }

  private static ModelAndView refusedPage(Rejection refused) {
    ModelAndView page = new ModelAndView("handover/refused");
    page.addObject("status", RefusalStatus.of(refused).value());
    page.addObject("message", refused.getMessage());
    page.setStatus(RefusalStatus.of(refused));
    return page;
  }
}
