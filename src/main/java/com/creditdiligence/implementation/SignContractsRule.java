package com.creditdiligence.implementation;

import com.creditdiligence.submission.Checks;
import com.creditdiligence.submission.Duty;
import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import com.creditdiligence.submission.TaskSpec.Stage;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 担保实施: the guarantee contract signed; every offered counter-guarantee under contract; mortgages
 * and pledges registered; every condition of the approval fulfilled before anything is issued (the
 * approval's conditions as the committee's decision records them).
 */
@Component
class SignContractsRule implements TaskRule {

  static final TaskSpec SPEC =
      TaskSpec.of(
              "Task_SignContracts",
              "Form_SignContracts",
              Stage.IMPLEMENTATION,
              new Duty("CONTRACTS_AND_COLLATERAL", "担保实施 §18"))
          .text("guaranteeContractNo")
          .date("guaranteeContractSignedOn")
          .text("counterGuaranteeContractNo")
          .date("counterGuaranteeContractSignedOn")
          .choice("collateralRegistrationStatus")
          .text("collateralRegistrationAuthority", "collateralRegistrationCertificateNo")
          .date("collateralRegisteredOn")
          .flag("approvalConditionsFulfilled")
          .text("conditionsFulfilmentNote")
          .choices("attachedDocuments")
          .reads("counterGuaranteeTypes", "hasCounterGuarantee")
          .build();

  private final ApprovedTerms approvedTerms;

  SignContractsRule(ApprovedTerms approvedTerms) {
    this.approvedTerms = approvedTerms;
  }

  @Override
  public TaskSpec spec() {
    return SPEC;
  }

  @Override
  public List<Refusal> check(Submission s) {
    Checks checks =
        new Checks(s).requireText("guaranteeContractNo", "担保合同编号 Guarantee contract number");
    checks.requirePastDate("guaranteeContractSignedOn", "担保合同签订日期 Guarantee contract signed on");
    if (s.isTrue("hasCounterGuarantee")) {
      checks.requireText("counterGuaranteeContractNo", "反担保合同编号 Counter-guarantee contract number");
      checks.requirePastDate(
          "counterGuaranteeContractSignedOn", "反担保合同签订日期 Counter-guarantee contract signed on");
    }
    checks.requireOneOf(
        "collateralRegistrationStatus",
        Set.of("registered", "notRequired"),
        "抵质押登记 Collateral registration");
    List<String> offered = s.list("counterGuaranteeTypes");
    boolean securedByCollateral = offered.contains("mortgage") || offered.contains("pledge");
    boolean registered =
        s.text("collateralRegistrationStatus").filter("registered"::equals).isPresent();
    if (securedByCollateral && !registered) {
      checks.refuse(
          "collateralRegistrationStatus",
          "抵押、质押反担保须办理登记 A mortgage or pledge counter-guarantee must be registered");
    }
    if (registered) {
      checks
          .requireText("collateralRegistrationAuthority", "登记机关 Registration authority")
          .requireText(
              "collateralRegistrationCertificateNo", "登记证明编号 Registration certificate number");
      checks.requirePastDate("collateralRegisteredOn", "登记日期 Registered on");
    }
    // Whether the approval has conditions is the committee's recorded decision, not a
    // committeeResult value.
    if (approvedTerms
        .committeeResult(s.businessKey())
        .filter("approvedWithConditions"::equals)
        .isPresent()) {
      checks
          .requireTrue(
              "approvalConditionsFulfilled",
              "审批条件须全部落实后方可实施 Every condition of the approval must be fulfilled first")
          .requireFinding("conditionsFulfilmentNote", "条件落实情况 How the conditions were fulfilled");
    }
    return checks.refusals();
  }
}
