package com.creditdiligence.security;

import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.platform.SignedIn;
import com.creditdiligence.submission.Rejection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a case through the application's own doors (/api, /cases, /audit), decided
 * for the signed-in user. Reading: auditors and department heads, any case; board members, cases under
 * an accountability review; the case's managers; anyone the case gave a task to (a committee member
 * voting on it). Acting (events, documents, amendments): the case's managers and department heads.
 * A case a user may not see answers 403 with the reason, never its data.
 */
@Component
public class CaseAccess {

  private final IdentityService identity;
  private final CaseFiles caseFiles;
  private final CaseParties parties;
  private final EvidenceLedger ledger;

  CaseAccess(
      IdentityService identity, CaseFiles caseFiles, CaseParties parties, EvidenceLedger ledger) {
    this.identity = identity;
    this.caseFiles = caseFiles;
    this.parties = parties;
    this.ledger = ledger;
  }

  /** The signed-in user, if they may read the case; otherwise 404 (no such case) or 403. */
  public String read(String businessKey) {
    String user = user();
    CaseFile file = caseFile(businessKey);
    boolean allowed =
        readsEveryCase()
            || (inGroup(Memberships.ACCOUNTABILITY_BOARD) && parties.hasReview(businessKey))
            || managesCase(user, file)
            || ledger.namesAssignee(businessKey, user);
    if (!allowed) {
      throw forbidden(
          user,
          businessKey,
          "see",
          "auditors, department heads, the board for cases under review, the "
              + "case's managers and those given a task in it may");
    }
    return user;
  }

  /** The signed-in user, if they may act on the case (report events, file documents, amend records). */
  public String act(String businessKey) {
    String user = user();
    CaseFile file = caseFile(businessKey);
    if (!mayAct(user, file, inGroup(Memberships.DEPARTMENT_HEAD))) {
      throw forbidden(user, businessKey, "act on", ACTORS);
    }
    return user;
  }

  /**
   * Why the user may not act on the case, by the rule of {@link #act}, or empty when they may: for doors
   * other than /api (a start form's rule) that know the performer but do not answer HTTP themselves.
   */
  public Optional<String> refusalToAct(String user, String businessKey) {
    Optional<CaseFile> file = caseFiles.find(businessKey);
    if (file.isEmpty()) {
      return Optional.of("没有案件 " + businessKey + " No case " + businessKey);
    }
    if (mayAct(user, file.get(), groupsOf(user).contains(Memberships.DEPARTMENT_HEAD))) {
      return Optional.empty();
    }
    return Optional.of(forbidden(user, businessKey, "act on", ACTORS).getMessage());
  }

  private static final String ACTORS = "its managers and department heads may";

  private boolean mayAct(String user, CaseFile file, boolean departmentHead) {
    return managesCase(user, file) || departmentHead;
  }

  /** The user's groups: from their sign-in when they are the one signed in, otherwise asked of the identity service. */
  private List<String> groupsOf(String user) {
    List<String> signedInGroups = SignedIn.groupIds(identity);
    if (user.equals(SignedIn.userId(identity)) && signedInGroups != null) {
      return signedInGroups;
    }
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  /** The signed-in user, who must belong to one of the groups. */
  public String memberOf(String... groups) {
    String user = user();
    for (String group : groups) {
      if (inGroup(group)) {
        return user;
      }
    }
    throw Rejection.notPermitted(
        "无权访问 "
            + user
            + " may not use this: only members of "
            + String.join(", ", groups)
            + " may");
  }

  /** Whether the signed-in user reads every case: auditors, department heads (one department) and administrators. */
  public boolean readsEveryCase() {
    return inGroup(Memberships.AUDITOR)
        || inGroup(Memberships.DEPARTMENT_HEAD)
        || inGroup(Memberships.ADMIN);
  }

  /**
   * Whether the signed-in user is in the group. The groups came with the sign-in (the API's filter, or
   * the webapps' session), so asking costs no query.
   */
  public boolean inGroup(String group) {
    user();
    List<String> groups = SignedIn.groupIds(identity);
    return groups != null && groups.contains(group);
  }

  public String user() {
    String user = SignedIn.userId(identity);
    if (user == null) {
      throw Rejection.notSignedIn("请登录 Log in");
    }
    return user;
  }

  private boolean managesCase(String user, CaseFile file) {
    return user.equals(file.caseManager()) || parties.managersOf(file.businessKey()).contains(user);
  }

  private CaseFile caseFile(String businessKey) {
    return caseFiles
        .find(businessKey)
        .orElseThrow(() -> Rejection.notFound("没有案件 " + businessKey + " No case " + businessKey));
  }

  private static Rejection forbidden(String user, String businessKey, String what, String who) {
    return Rejection.notPermitted(
        "无权访问案件 "
            + businessKey
            + ": "
            + user
            + " may not "
            + what
            + " case "
            + businessKey
            + "; only "
            + who);
  }
}
