package com.creditdiligence.documents;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.CanonicalForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** With store=directory, content lives in files named by their hash; the database keeps only the filing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "credit-diligence.documents.store=directory",
    "credit-diligence.documents.directory=target/test-documents",
    "spring.datasource.url=jdbc:h2:mem:documents-directory;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=documentsDirectory",
    "credit-diligence.demo.cases=false"})
@ActiveProfiles("test")
class DocumentDirectoryStoreTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseDocuments documents;
  @Autowired
  JdbcClient jdbc;

  @Test
  void contentIsAFileNamedByItsHashAndReadsBackTheSame() throws Exception {
    String key = new LifecycleDriver(engine).apply("manager1", intake("苏州目录公司", "workingCapitalLoan", 1_000_000, 12))
        .getBusinessKey();
    byte[] content = SampleFiles.pdf("mortgage certificate");
    String sha256 = CanonicalForm.sha256Hex(content);

    CaseDocument filed = documents.file(key, "登记证明.pdf", content, "manager1", Instant.now());

    Path file = Path.of("target/test-documents", sha256.substring(0, 2), sha256);
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
    assertThat(jdbc.sql("SELECT content FROM document_content WHERE sha256 = ?").param(sha256).query(byte[].class)
        .optional()).isEmpty();
    assertThat(documents.content(filed)).isEqualTo(content);
  }
}
