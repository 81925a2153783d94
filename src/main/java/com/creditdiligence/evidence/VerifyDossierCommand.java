package com.creditdiligence.evidence;

import com.creditdiligence.evidence.transparency.Checkpoint;
import com.creditdiligence.evidence.transparency.CheckpointException;
import com.creditdiligence.evidence.transparency.MerkleProofs;
import com.creditdiligence.evidence.transparency.NoteKeys;
import com.creditdiligence.evidence.transparency.Rfc9162;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks an exported dossier (dossier.json) offline, with nothing but the ledger's public key: no database, no
 * application. The checkpoint's signature; each record's content against its hash (where the dossier discloses
 * it) and its link to the one before; each record's RFC 9162 inclusion proof against the signed root. Each record
 * is hashed under the canonical form it names ({@code canonicalVersion}); a dossier exported before records named
 * one holds {@link CanonicalForm#V1} records only, and is read so. Exit 0 when everything verifies, 1 otherwise, 2
 * on bad input.
 *
 * <pre>
 * java -cp target/credit-diligence-0.1.0-SNAPSHOT.jar \
 *      -Dloader.main=com.creditdiligence.evidence.VerifyDossierCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher dossier-GA-2026-000001.json checkpoint.key.pub
 * </pre>
 */
public final class VerifyDossierCommand {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private VerifyDossierCommand() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: VerifyDossierCommand DOSSIER.json PUBLIC_KEY_FILE");
      System.exit(2);
    }
    System.exit(run(Path.of(args[0]), Path.of(args[1]), System.out));
  }

  /** @return 0 when the dossier verifies, 1 when something in it does not, 2 when it cannot be read */
  public static int run(Path dossierFile, Path publicKeyFile, PrintStream out) {
    NoteKeys.Verifier verifier;
    JsonNode dossier;
    try {
      verifier = NoteKeys.parseVerifier(Files.readString(publicKeyFile));
      dossier = JSON.readTree(dossierFile.toFile());
    } catch (IOException | CheckpointException e) {
      out.println("cannot read: " + e.getMessage());
      return 2;
    }
    String businessKey = dossier.path("businessKey").asText();
    JsonNode proofs = dossier.path("ledgerProofs");
    if (proofs.isMissingNode() || proofs.isNull()) {
      out.println(
          businessKey
              + " BROKEN: the dossier carries no signed checkpoint (none could be signed at export)");
      return 1;
    }
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.parseBody(verifier.open(proofs.path("checkpoint").asText()));
    } catch (CheckpointException e) {
      out.println(businessKey + " BROKEN: the checkpoint: " + e.getMessage());
      return 1;
    }
    out.printf(
        "checkpoint %s, %d records, root %s, signed %s by %s: signature verified%n",
        checkpoint.origin(),
        checkpoint.size(),
        checkpoint.rootBase64(),
        checkpoint.time(),
        verifier.name());
    List<EvidenceRecord> records = new ArrayList<>();
    try {
      for (JsonNode record : dossier.path("evidence")) {
        EvidenceRecord read = JSON.treeToValue(record, EvidenceRecord.class);
        // A dossier exported before the canonical form had versions per record carries v1 records
        // only.
        records.add(
            record.has("canonicalVersion") ? read : read.underCanonicalForm(CanonicalForm.V1));
      }
    } catch (IOException e) {
      out.println("cannot read the dossier's evidence: " + e.getMessage());
      return 2;
    }
    int broken = 0;
    String sealed = CanonicalForm.json(EvidenceView.SEALED);
    String previous = CanonicalForm.GENESIS;
    for (EvidenceRecord record : records) {
      String problem = null;
      boolean sealedFindings = sealed.equals(record.findings());
      if (!record.previousHash().equals(previous)) {
        problem = "does not follow the record before it (its previous hash differs)";
      } else if (!record.hasKnownCanonicalForm()) {
        problem =
            "it names a canonical form this version does not know ("
                + record.canonicalVersion()
                + ")";
      } else if (CanonicalForm.V1.equals(record.canonicalVersion())
          && record.processDefinitionId() != null) {
        problem =
            "a "
                + CanonicalForm.V1
                + " record names a process definition id, which it was written without";
      } else if (!sealedFindings
          && !java.util.Objects.equals(record.computeHash(), record.recordHash())) {
        problem = "its content no longer matches its hash";
      } else {
        JsonNode inclusion = proofs.path("proofs").path(Integer.toString(record.sequenceNo()));
        if (inclusion.isMissingNode()) {
          problem = "no inclusion proof: not covered by the checkpoint";
        } else if (!MerkleProofs.verifyInclusion(
            inclusion.path("leafIndex").asLong(),
            checkpoint.size(),
            Rfc9162.leafHash(HexFormat.of().parseHex(record.recordHash())),
            hashes(inclusion.path("proof")),
            checkpoint.rootHash())) {
          problem =
              "its inclusion proof does not lead to the signed root: the record is not the one signed";
        }
      }
      previous = record.recordHash();
      if (problem == null) {
        out.printf(
            "%s record %d verified (leaf %d%s)%n",
            businessKey,
            record.sequenceNo(),
            proofs
                .path("proofs")
                .path(Integer.toString(record.sequenceNo()))
                .path("leafIndex")
                .asLong(),
            sealedFindings ? "; findings sealed in this dossier, its hash taken as given" : "");
      } else {
        broken++;
        out.printf("%s record %d BROKEN: %s%n", businessKey, record.sequenceNo(), problem);
      }
    }
    out.printf("%s: %d records, %d broken%n", businessKey, records.size(), broken);
    return broken == 0 && !records.isEmpty() ? 0 : 1;
  }

  private static List<byte[]> hashes(JsonNode proof) {
    List<byte[]> hashes = new ArrayList<>();
    proof.forEach(p -> hashes.add(Base64.getDecoder().decode(p.asText())));
    return hashes;
  }
}
