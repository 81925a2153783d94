package com.creditdiligence.managers;

import com.creditdiligence.platform.web.RefusalStatus;
import com.creditdiligence.print.PrintedPdf;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.security.People;
import com.creditdiligence.submission.Rejection;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A manager's accountability record as a page ({@code /managers/{id}/record}), a PDF for the board
 * ({@code record.pdf}) and JSON ({@code /api/managers/{id}/record}), all three from one {@link ManagerRecord}. Read by
 * the board, auditors, department heads and administrators, and by the manager themself.
 */
@Controller
class ManagerRecordPage {

  private final CaseAccess access;
  private final ManagerRecords records;
  private final People people;
  private final ITemplateEngine templates;

  ManagerRecordPage(
      CaseAccess access, ManagerRecords records, People people, ITemplateEngine templates) {
    this.access = access;
    this.records = records;
    this.people = people;
    this.templates = templates;
  }

  @GetMapping(value = "/managers/{manager}/record", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(@PathVariable String manager) {
    String reader;
    try {
      reader = reader(manager);
    } catch (Rejection refused) {
      ModelAndView page = new ModelAndView("desk/refused");
      page.addObject("status", RefusalStatus.of(refused).value());
      page.addObject("message", refused.getMessage());
      page.setStatus(RefusalStatus.of(refused));
      return page;
    }
    return new ModelAndView("managers/record").addObject("record", records.of(manager, reader));
  }

  @GetMapping("/managers/{manager}/record.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String manager) {
    String reader = reader(manager);
    if (!PrintedPdf.fontAvailable()) {
      throw Rejection.unavailable(
          "所需中文字体未安装 The CJK font is missing: build with npm "
              + "available (mvn runs npm ci), or read the page");
    }
    Context context = new Context(Locale.SIMPLIFIED_CHINESE);
    context.setVariable("record", records.of(manager, reader));
    context.setVariable("print", true);
    byte[] pdf =
        PrintedPdf.print(templates.process("managers/record", context), "/templates/managers/");
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"manager-record-" + manager + ".pdf\"")
        .body(pdf);
  }

  /** «客户经理队伍建设»: a manager's appraisal carries their risk accountability; this is its record. */
  @GetMapping(value = "/api/managers/{manager}/record", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ManagerRecord json(@PathVariable String manager) {
    return records.of(manager, reader(manager));
  }

  /** The reader, if they may read this manager's record (the rule the JSON API always had); 404 for no such user. */
  private String reader(String manager) {
    String user = access.user();
    if (!user.equals(manager)) {
      access.memberOf(
          Memberships.AUDITOR,
          Memberships.ACCOUNTABILITY_BOARD,
          Memberships.DEPARTMENT_HEAD,
          Memberships.ADMIN);
    }
    if (!people.exists(manager)) {
      throw Rejection.notFound("没有此用户 No user " + manager);
    }
    return user;
  }
}
