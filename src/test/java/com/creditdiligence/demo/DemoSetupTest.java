package com.creditdiligence.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.casefile.CaseFile;
import com.creditdiligence.casefile.CaseFiles;
import com.creditdiligence.casefile.CaseStatus;
import com.creditdiligence.evidence.EvidenceLedger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A new user finds work at once: demo cases stand at every stage, each with an intact evidence chain. */
@ApplicationTest
class DemoSetupTest {

  @Autowired
  CaseFiles caseFiles;
  @Autowired
  ProcessEngine engine;
  @Autowired
  EvidenceLedger ledger;
  @Autowired
  ApplicationContext context;

  /** The embedded default creates them at start on an empty database (DemoSetup.run); the test context on demand. */
  @BeforeEach
  void demoCases() {
    DemoCases.seed(context);
  }

  @Test
  void demoCasesStandAtSeveralStages() {
    assertThat(demoCase("Suzhou Hengda").status()).isEqualTo(CaseStatus.REGISTERED);
    assertThat(demoCase("Nantong Hailian").status()).isEqualTo(CaseStatus.COMMITTEE_APPROVED);
    assertThat(demoCase("Kunshan Lianda").status()).isEqualTo(CaseStatus.IN_MONITORING);
    assertThat(demoCase("Wuxi Huatuo").status()).isEqualTo(CaseStatus.COMPENSATED);
    assertThat(demoCase("Chen (individual)").status()).isEqualTo(CaseStatus.REJECTED_AT_INTAKE);
    String voting = demoCase("Changzhou Lvyuan").businessKey();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(voting)
        .taskDefinitionKey("Task_CommitteeVote").count()).isEqualTo(3);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(demoCase("Taicang Gangtai").businessKey())
        .taskDefinitionKey("Task_MajorEventInvestigation").taskAssignee("manager1").count()).isOne();
    caseFiles.all().stream().filter(f -> f.applicantName().matches(".*[A-Za-z]{3,}.*"))
        .forEach(f -> assertThat(ledger.verify(f.businessKey()).isIntact()).as(f.businessKey()).isTrue());
  }

  private CaseFile demoCase(String applicant) {
    return caseFiles.all().stream().filter(f -> f.applicantName().contains(applicant)).findFirst().orElseThrow();
  }
}
