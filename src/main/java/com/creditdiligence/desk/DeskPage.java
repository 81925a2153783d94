package com.creditdiligence.desk;

import com.creditdiligence.platform.web.RefusalStatus;
import com.creditdiligence.security.CaseAccess;
import com.creditdiligence.security.Memberships;
import com.creditdiligence.security.Qualification;
import com.creditdiligence.security.Qualifications;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Rejection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The department head's desk ({@code /desk}): the portfolio, the watch list, what is due and who is late, the
 * qualifications (kept here too, by the rules of {@link Qualification}), the cases to reassign, refused submissions.
 * Department heads only; anyone else gets a page that says why.
 */
@Controller
class DeskPage {

  private final CaseAccess access;
  private final Desk desk;
  private final Qualifications qualifications;
  private final BusinessTime time;

  DeskPage(CaseAccess access, Desk desk, Qualifications qualifications, BusinessTime time) {
    this.access = access;
    this.desk = desk;
    this.qualifications = qualifications;
    this.time = time;
  }

  @GetMapping(value = "/desk", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(@RequestParam(required = false) String kept, CsrfToken csrf) {
    String head;
    try {
      head = access.memberOf(Memberships.DEPARTMENT_HEAD);
    } catch (Rejection refused) {
      return refusedPage(refused);
    }
    return deskPage(head, csrf, kept, null, null, HttpStatus.OK);
  }

  /**
   * The pages of this application the signed-in user may open from Tasklist's header (scripts/desk-link.js): the desk
   * for department heads, nothing for others. Always 200, so that asking leaves no error in anyone's browser console.
   */
  @GetMapping(value = "/api/desk/links", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, String> links() {
    return access.inGroup(Memberships.DEPARTMENT_HEAD) ? Map.of("desk", "/desk") : Map.of();
  }

  /** A qualification kept from the desk's form: the same rules as PUT /api/managers/{id}/qualification. */
  @PostMapping(
      value = "/desk/qualifications/{userId}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ModelAndView keep(
      @PathVariable String userId,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String validFrom,
      @RequestParam(required = false) String validUntil,
      CsrfToken csrf) {
    String head;
    try {
      head = access.memberOf(Memberships.DEPARTMENT_HEAD);
    } catch (Rejection refused) {
      return refusedPage(refused);
    }
    Qualification qualification;
    try {
      qualification = new Qualification(userId, level, day(validFrom), day(validUntil));
    } catch (DateTimeParseException notADay) {
      return deskPage(
          head,
          csrf,
          null,
          userId,
          "日期格式应为 yyyy-MM-dd Dates are written yyyy-MM-dd",
          HttpStatus.BAD_REQUEST);
    }
    Optional<String[]> problem = qualifications.keepByTheRules(qualification, head, time.now());
    if (problem.isPresent()) {
      return deskPage(head, csrf, null, userId, problem.get()[1], HttpStatus.BAD_REQUEST);
    }
    return new ModelAndView(
        "redirect:/desk?kept="
            + URLEncoder.encode(userId, StandardCharsets.UTF_8)
            + "#qualifications");
  }

  private static LocalDate day(String text) {
    return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
  }

  private ModelAndView deskPage(
      String head,
      CsrfToken csrf,
      String kept,
      String refusedFor,
      String refusal,
      HttpStatus status) {
    ModelAndView page = new ModelAndView("desk/desk");
    page.addObject("desk", desk.of(head));
    // The token (and the session that keeps it) exists before the page is written: a long desk is
    // flushed to the
    // client before its forms are reached, and a session can no longer be created then.
    csrf.getToken();
    page.addObject("csrf", csrf);
    page.addObject("kept", kept);
    page.addObject("refusedFor", refusedFor);
    page.addObject("refusal", refusal);
    page.addObject("levels", List.of("junior", "intermediate", "senior"));
    page.setStatus(status);
    return page;
  }

  static ModelAndView refusedPage(Rejection refused) {
    ModelAndView page = new ModelAndView("desk/refused");
    page.addObject("status", RefusalStatus.of(refused).value());
    page.addObject("message", refused.getMessage());
    page.setStatus(RefusalStatus.of(refused));
    return page;
  }
}
