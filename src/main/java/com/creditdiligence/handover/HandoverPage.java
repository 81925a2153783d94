package com.creditdiligence.handover;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.platform.EngineActions;
import com.creditdiligence.platform.web.RefusalStatus;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.security.Qualification;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The department head hands a case to another customer manager at any stage ({@code /cases/{key}/handover}): picked
 * by name among the customer managers, those not qualified today shown but not offered, with a reason. All or
 * nothing: the case file, the open tasks and the ledger's record change together, or not at all.
 */
@Controller
class HandoverPage {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final CaseAccess access;
  private final CaseFiles caseFiles;
  private final CaseHandovers handovers;
  private final Qualifications qualifications;
  private final ProcessEngine engine;
  private final EngineActions actions;
  private final TransactionTemplate transaction;
  private final BusinessTime businessTime;

  HandoverPage(CaseAccess access, CaseFiles caseFiles, CaseHandovers handovers, Qualifications qualifications,
               ProcessEngine engine, EngineActions actions, TransactionTemplate transaction, BusinessTime businessTime) {
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
  ResponseEntity<String> page(@PathVariable String businessKey, @RequestParam(required = false) String handedTo,
                              CsrfToken csrf) {
    return answer(businessKey, csrf, () -> handedTo == null ? "" : "<p class=\"ok\" role=\"status\">已移交 Handed over to "
        + HtmlUtils.htmlEscape(handedTo) + "</p>", HttpStatus.OK);
  }

  @PostMapping(value = "/cases/{businessKey}/handover", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> handOver(@PathVariable String businessKey, @RequestParam(required = false) String successor,
                                  @RequestParam(required = false) String reason, CsrfToken csrf) {
    String head;
    try {
      head = access.memberOf(Memberships.DEPARTMENT_HEAD);
      access.read(businessKey);
    } catch (Rejection refused) {
      return refusedPage(refused);
    }
    Instant now = businessTime.now();
    String why = reason == null ? "" : reason.strip();
    // Checked and done in one transaction, so that a handover made meanwhile (the case's manager changed) is seen. The
    // head moves tasks that are not theirs: the application does it, on their word, recorded as theirs.
    List<String> refused = transaction.execute(status -> actions.asApplication(() -> {
      List<String> refusals = handovers.refusals(businessKey, successor, why, businessTime.dayOf(now), engine);
      if (refusals.isEmpty()) {
        handovers.handOver(businessKey, successor, why, head, now, engine);
      }
      return refusals;
    }));
    if (!refused.isEmpty()) {
      return answer(businessKey, csrf, () -> "<p class=\"refused\" role=\"alert\">未移交 Not handed over: "
          + HtmlUtils.htmlEscape(String.join("; ", refused)) + "</p>", HttpStatus.BAD_REQUEST);
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create("/cases/" + businessKey + "/handover?handedTo=" + successor)).build();
  }

  private ResponseEntity<String> answer(String businessKey, CsrfToken csrf, java.util.function.Supplier<String> notice,
                                        HttpStatus status) {
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
    return ResponseEntity.status(status).contentType(HTML).body(render(file.get(), notice.get(), csrf));
  }

  private String render(CaseFile file, String notice, CsrfToken csrf) {
    LocalDate today = businessTime.today();
    StringBuilder options = new StringBuilder("<option value=\"\">请选择 Choose</option>");
    List<User> managers = actions.asApplication(() -> engine.getIdentityService().createUserQuery()
        .memberOfGroup(Memberships.CUSTOMER_MANAGER).orderByUserId().asc().list());
    for (User manager : managers) {
      if (manager.getId().equals(file.caseManager())) {
        continue;
      }
      Optional<Qualification> qualification = qualifications.of(manager.getId());
      boolean qualified = qualification.filter(q -> q.validOn(today)).isPresent();
      options.append("<option value=\"").append(HtmlUtils.htmlEscape(manager.getId())).append('"')
          .append(qualified ? "" : " disabled").append('>').append(HtmlUtils.htmlEscape(name(manager)))
          .append(qualification.map(q -> qualified ? " · 资格有效至 qualified until " + q.validUntil()
              : " · 资格无效 not qualified today").orElse(" · 无资格记录 no qualification")).append("</option>");
    }
    String key = HtmlUtils.htmlEscape(file.businessKey());
    return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>移交案件 Hand over — %1$s</title><link rel="icon" href="/favicon.svg">
        <link rel="stylesheet" href="/documents/documents.css"></head>
        <body>
          <h1>移交案件 Hand over a case — %1$s</h1>
          <p><a href="/camunda/app/tasklist/">← 返回任务列表 Back to Tasklist</a> · <a href="/cases/%1$s/brief">案件摘要 Case brief</a></p>
          <p>申请人 Applicant: %2$s · 现任客户经理 Current manager: %3$s</p>
          %4$s
          <form method="post" action="/cases/%1$s/handover">
            <input type="hidden" name="%5$s" value="%6$s">
            <p><label>接手的客户经理 Successor: <select name="successor" required>%7$s</select></label></p>
            <p><label>移交理由 Reason:<br>
            <textarea name="reason" required minlength="10" rows="4" cols="70"></textarea></label></p>
            <p><button type="submit">移交 Hand over</button> — 本案尚未完成的任务随之移交,此后到期的义务由接手人承担
            The case's open tasks move with it; duties falling due from now on are the successor's.</p>
          </form>
        </body></html>
        """.formatted(key, HtmlUtils.htmlEscape(file.applicantName()), HtmlUtils.htmlEscape(managerName(file.caseManager())),
        notice, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()), options);
  }

  private String managerName(String userId) {
    User user = actions.asApplication(() -> engine.getIdentityService().createUserQuery().userId(userId).singleResult());
    return user == null ? userId : name(user);
  }

  /** «王经理一 (manager1)»: the name first, the id for the record. */
  private static String name(User user) {
    return Optional.ofNullable(user.getFirstName()).orElse("") + Optional.ofNullable(user.getLastName()).orElse("")
        + " (" + user.getId() + ")";
  }

  private static ResponseEntity<String> refusedPage(Rejection refused) {
    return ResponseEntity.status(RefusalStatus.of(refused)).contentType(HTML).body("""
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>%1$d</title>
        <link rel="stylesheet" href="/documents/documents.css"></head><body><h1>%1$d</h1><p>%2$s</p>
        <p><a href="/camunda/app/tasklist/">← 返回任务列表 Back to Tasklist</a></p></body></html>"""
        .formatted(RefusalStatus.of(refused).value(), HtmlUtils.htmlEscape(refused.getMessage())));
  }
}
