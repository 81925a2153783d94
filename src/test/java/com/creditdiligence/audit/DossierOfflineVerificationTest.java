package com.creditdiligence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditdiligence.ApplicationTest;
import com.creditdiligence.Http;
import com.creditdiligence.demo.LifecycleDriver;
import com.creditdiligence.evidence.LedgerCheckpoints;
import com.creditdiligence.evidence.VerifyDossierCommand;
import com.creditdiligence.evidence.transparency.NoteKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An auditor takes a case's dossier.json away and checks it with the ledger's public key alone: the command
 * reads two files, no database and no application. A record changed in the file, or another key, fails.
 */
@ApplicationTest
class DossierOfflineVerificationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired Http http;
  @Autowired LedgerCheckpoints checkpoints;
  @TempDir Path directory;

  @Test
  void anExportedDossierVerifiesOfflineWithThePublicKeyAloneAndAChangedRecordDoesNot()
      throws Exception {
    String key =
        new LifecycleDriver(engine)
            .issuedGuarantee("manager1", "扬州离线核验公司", 800_000)
            .getBusinessKey();
    String exported = http.get("/api/cases/" + key + "/dossier.json").as("auditor1").send().body();
    Path dossier = Files.writeString(directory.resolve("dossier.json"), exported);
    Path publicKey =
        Files.writeString(directory.resolve("checkpoint.pub"), checkpoints.verifierKey());

    Verdict verified = verify(dossier, publicKey);
    assertThat(verified.status()).as(verified.output()).isZero();
    int records = JSON.readTree(exported).path("evidence").size();
    assertThat(records).isGreaterThan(10);
    assertThat(verified.output())
        .contains("signature verified", key + ": " + records + " records, 0 broken");

    ObjectNode changed = (ObjectNode) JSON.readTree(exported);
    ObjectNode third = (ObjectNode) changed.path("evidence").get(2);
    third.put("performer", "manager9");
    Path altered =
        Files.writeString(directory.resolve("altered.json"), JSON.writeValueAsString(changed));
    Verdict refused = verify(altered, publicKey);
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.output())
        .contains(key + " record 3 BROKEN: its content no longer matches its hash");

    // The process definition a record names is part of its hash (canonical form v2).
    ObjectNode redefined = (ObjectNode) JSON.readTree(exported);
    int named = -1;
    for (int i = 0; i < redefined.path("evidence").size() && named < 0; i++) {
      if (redefined.path("evidence").get(i).hasNonNull("processDefinitionId")) {
        named = i;
      }
    }
    assertThat(named).as("a record naming its process definition").isNotNegative();
    ObjectNode record = (ObjectNode) redefined.path("evidence").get(named);
    assertThat(record.path("canonicalVersion").asText()).isEqualTo("credit-diligence-ledger-v2");
    record.put("processDefinitionId", "guarantee-lifecycle:99:elsewhere");
    Verdict moved =
        verify(
            Files.writeString(
                directory.resolve("redefined.json"), JSON.writeValueAsString(redefined)),
            publicKey);
    assertThat(moved.status()).isEqualTo(1);
    assertThat(moved.output())
        .contains(
            key
                + " record "
                + record.path("sequenceNo").asInt()
                + " BROKEN: its content no longer matches its hash");

    // Without its version a record is read as a dossier from before v2 holds them (v1): a v2 record
    // then fails, naming a process definition no v1 record has.
    ObjectNode unversioned = (ObjectNode) JSON.readTree(exported);
    ((ObjectNode) unversioned.path("evidence").get(named)).remove("canonicalVersion");
    Verdict asV1 =
        verify(
            Files.writeString(
                directory.resolve("unversioned.json"), JSON.writeValueAsString(unversioned)),
            publicKey);
    assertThat(asV1.status()).isEqualTo(1);
    assertThat(asV1.output())
        .contains(
            key
                + " record "
                + record.path("sequenceNo").asInt()
                + " BROKEN: a credit-diligence-ledger-v1 record names a process definition id");

    Path otherKey =
        Files.writeString(
            directory.resolve("other.pub"),
            NoteKeys.generate("credit-diligence/evidence-ledger").verifierKey());
    Verdict wrongKey = verify(dossier, otherKey);
    assertThat(wrongKey.status()).isEqualTo(1);
    assertThat(wrongKey.output()).contains("BROKEN: the checkpoint");
  }

  private record Verdict(int status, String output) {}

  private static Verdict verify(Path dossier, Path publicKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        VerifyDossierCommand.run(
            dossier, publicKey, new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Verdict(status, out.toString(StandardCharsets.UTF_8));
  }
}
