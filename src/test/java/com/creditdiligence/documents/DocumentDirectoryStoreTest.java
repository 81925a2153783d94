package com.creditdiligence.documents;

import static com.creditdiligence.demo.DemoSubmissions.intake;
import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.CanonicalForm;
import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.platform.EngineActions;
import com.creditdiligence.submission.BusinessTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With store=directory, content lives in files named by their hash; the database keeps only the filing. The store is
 * a {@link CaseDocuments} of its own configuration over the shared test context's database, not a context of its own.
 */
@ApplicationTest
class DocumentDirectoryStoreTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired EvidenceLedger ledger;
  @Autowired EngineActions engineActions;
  @Autowired BusinessTime businessTime;
  @TempDir Path directory;

  @Test
  void contentIsAFileNamedByItsHashAndReadsBackTheSame() throws Exception {
    CaseDocuments documents =
        new CaseDocuments(
            jdbc,
            new DocumentProperties("directory", directory, null, null),
            ledger,
            engine.getRuntimeService(),
            engineActions,
            businessTime);
    String key =
        new LifecycleDriver(engine)
            .apply("manager1", intake("苏州目录公司", "workingCapitalLoan", 1_000_000, 12))
            .getBusinessKey();
    // Content no other test stores: content already known is not stored again.
    byte[] content = SampleFiles.pdf("mortgage certificate " + UUID.randomUUID());
    String sha256 = CanonicalForm.sha256Hex(content);

    CaseDocument filed = documents.file(key, "登记证明.pdf", content, "manager1", Instant.now());

    Path file = directory.resolve(sha256.substring(0, 2)).resolve(sha256);
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
    assertThat(
            jdbc.sql("SELECT size_bytes FROM document_content WHERE sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single())
        .as("the content is known to the database")
        .isEqualTo(content.length);
    assertThat(
            jdbc.sql("SELECT content FROM document_content WHERE sha256 = ?")
                .param(sha256)
                .query(byte[].class)
                .optional())
        .as("but not held by it")
        .isEmpty();
    assertThat(documents.content(filed)).isEqualTo(content);
  }
}
