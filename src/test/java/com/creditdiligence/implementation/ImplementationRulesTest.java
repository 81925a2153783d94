package com.creditdiligence.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.submission.Refusal;
import com.creditdiligence.submission.Submission;
import com.creditdiligence.submission.TaskRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 担保实施: contracts signed and collateral registered, then a guarantee no larger than approved. */
class ImplementationRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  /** What the record says was approved, as service code gives it to the rules (never a submitted value). */
  private BigDecimal approvedAmount;

  private String committeeResult;
  private final ApprovedTerms record =
      new ApprovedTerms() {
        @Override
        public Optional<BigDecimal> amount(String businessKey) {
          return Optional.ofNullable(approvedAmount);
        }

        @Override
        public Optional<String> committeeResult(String businessKey) {
          return Optional.ofNullable(committeeResult);
        }
      };

  private final SignContractsRule signContracts = new SignContractsRule(record);
  private final IssueGuaranteeRule issueGuarantee = new IssueGuaranteeRule(record);

  // 签订合同 Sign contracts

  @Test
  void signedContractsWithARegisteredMortgagePass() {
    assertThat(refusalsOf(signContracts, signedContracts("approved"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"mortgage", "pledge"})
  void aMortgageOrPledgeCounterGuaranteeMustBeRegistered(String collateral) {
    Map<String, Object> values = signedContracts("approved");
    values.put("counterGuaranteeTypes", List.of("guarantor", collateral));
    notRegistered(values);

    assertThat(refusalsOf(signContracts, values))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("collateralRegistrationStatus");
              assertThat(refusal.message()).contains("must be registered");
            });
  }

  @Test
  void aGuarantorAloneNeedsNoRegistration() {
    Map<String, Object> values = signedContracts("approved");
    values.put("counterGuaranteeTypes", List.of("guarantor"));
    notRegistered(values);

    assertThat(refusalsOf(signContracts, values)).isEmpty();
  }

  @Test
  void conditionsOfAConditionalApprovalMustBeFulfilled() {
    Map<String, Object> values = signedContracts("approvedWithConditions");
    values.put("approvalConditionsFulfilled", false);
    values.put("conditionsFulfilmentNote", "应收账款质押尚在办理 Receivables pledge still in progress");

    assertThat(refusalsOf(signContracts, values))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("approvalConditionsFulfilled");
              assertThat(refusal.message())
                  .contains("Every condition of the approval must be fulfilled first");
            });
  }

  @Test
  void fulfilledConditionsMustBeDescribed() {
    Map<String, Object> values = signedContracts("approvedWithConditions");
    values.put("approvalConditionsFulfilled", true);

    assertThat(refusalsOf(signContracts, values))
        .extracting(Refusal::field)
        .containsExactly("conditionsFulfilmentNote");
  }

  @Test
  void fulfilledAndDescribedConditionsPass() {
    Map<String, Object> values = signedContracts("approvedWithConditions");
    values.put("approvalConditionsFulfilled", true);
    values.put(
        "conditionsFulfilmentNote",
        "应收账款质押已登记 Receivables pledge registered with the credit registry");

    assertThat(refusalsOf(signContracts, values)).isEmpty();
  }

  /** The guarantee and counter-guarantee contracts signed yesterday, the plant's mortgage registered. */
  private Map<String, Object> signedContracts(String committeeResult) {
    this.committeeResult = committeeResult;
    Map<String, Object> values = new HashMap<>();
    values.put("hasCounterGuarantee", true);
    values.put("counterGuaranteeTypes", List.of("guarantor", "mortgage"));
    values.put("guaranteeContractNo", "DB-2026-0415");
    values.put("guaranteeContractSignedOn", "2026-11-23");
    values.put("counterGuaranteeContractNo", "FDB-2026-0415");
    values.put("counterGuaranteeContractSignedOn", "2026-11-23");
    values.put("collateralRegistrationStatus", "registered");
    values.put("collateralRegistrationAuthority", "苏州市不动产登记中心 Suzhou real-estate registry");
    values.put("collateralRegistrationCertificateNo", "苏(2026)不动产证明第0012345号");
    values.put("collateralRegisteredOn", "2026-11-23");
    return values;
  }

  private static void notRegistered(Map<String, Object> values) {
    values.put("collateralRegistrationStatus", "notRequired");
    values.remove("collateralRegistrationAuthority");
    values.remove("collateralRegistrationCertificateNo");
    values.remove("collateralRegisteredOn");
  }

  // 出具保函 Issue the guarantee

  @Test
  void aGuaranteeForTheApprovedAmountPasses() {
    assertThat(refusalsOf(issueGuarantee, guarantee(2_000_000L, 2_000_000L))).isEmpty();
  }

  @Test
  void aGuaranteeBelowTheApprovedAmountPasses() {
    assertThat(refusalsOf(issueGuarantee, guarantee(2_000_000L, 1_500_000L))).isEmpty();
  }

  @Test
  void theGuaranteedAmountMayNotExceedTheApprovedAmount() {
    List<Refusal> refusals = refusalsOf(issueGuarantee, guarantee(2_000_000L, 2_000_001L));

    assertThat(refusals)
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("guaranteedAmount");
              assertThat(refusal.message()).contains("may not exceed the approved amount 2000000");
            });
  }

  @Test
  void amountsCompareByValueWhateverTheirNumericType() {
    assertThat(refusalsOf(issueGuarantee, guarantee(2_000_000L, 2_000_000.0))).isEmpty();
    assertThat(refusalsOf(issueGuarantee, guarantee(2_000_000L, "2000000.01")))
        .extracting(Refusal::field)
        .containsExactly("guaranteedAmount");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-24", "2026-11-23"})
  void theGuaranteeMustExpireAfterItIsIssued(String expiresOn) {
    Map<String, Object> values = guarantee(2_000_000L, 2_000_000L);
    values.put("guaranteeExpiresOn", expiresOn);

    assertThat(refusalsOf(issueGuarantee, values))
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.field()).isEqualTo("guaranteeExpiresOn");
              assertThat(refusal.message()).contains("must expire after it is issued");
            });
  }

  @Test
  void aGuaranteeExpiringTheDayAfterIssuePasses() {
    Map<String, Object> values = guarantee(2_000_000L, 2_000_000L);
    values.put("guaranteeExpiresOn", "2026-11-25");

    assertThat(refusalsOf(issueGuarantee, values)).isEmpty();
  }

  /** A one-year guarantee letter issued today; {@code approvedAmount} is the amount the record says was approved. */
  private Map<String, Object> guarantee(long approvedAmount, Object guaranteedAmount) {
    this.approvedAmount = BigDecimal.valueOf(approvedAmount);
    Map<String, Object> values = new HashMap<>();
    values.put("guaranteeLetterNo", "BH-2026-0415");
    values.put("issuedOn", "2026-11-24");
    values.put("guaranteedAmount", guaranteedAmount);
    values.put("guaranteeExpiresOn", "2027-11-24");
    values.put("lendingBankConfirmation", "ICBC-SZ-2026-88");
    return values;
  }

  private static List<Refusal> refusalsOf(TaskRule rule, Map<String, Object> values) {
    return rule.check(new Submission(values, "manager1", TODAY));
  }
}
