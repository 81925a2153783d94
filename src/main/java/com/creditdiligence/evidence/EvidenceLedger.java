package com.creditdiligence.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence ledger: appends to a case's hash chain inside the caller's transaction (the engine's,
 * when a task completes), and reads it back. It never updates or deletes a record.
 */
@Repository
public class EvidenceLedger {

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;
  private LedgerCheckpoints checkpoints;

  public EvidenceLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Verification then also checks the case against the signed checkpoints (absent where the ledger runs alone). */
  @Autowired(required = false)
  void checkAgainst(LedgerCheckpoints signedCheckpoints) {
    this.checkpoints = signedCheckpoints;
  }

  /**
   * Must run in a transaction: the chain head stays locked until it commits. A completion appends three or four records
   * to one case in one transaction; the head is locked and read by the first, and the later ones go on from the head
   * this transaction wrote and still holds locked (issue 23: two statements fewer for each).
   */
  public EvidenceRecord append(NewEvidence evidence) {
    Map<String, Head> held = headsHeld();
    Head head = held == null ? null : held.get(evidence.businessKey());
    if (head == null) {
      head = lockHead(evidence.businessKey());
    }
    EvidenceRecord record = EvidenceRecord.link(0, evidence, head.sequenceNo() + 1, head.hash());
    KeyHolder id = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO evidence_record (business_key, sequence_no, record_type, process_definition_key,
                process_definition_id, process_instance_id, element_id, task_id, duty_code, clause, performer,
                assignee, recorded_at, verification_method, findings, documents, rule_set_version,
                amends_sequence_no, amendment_reason, previous_hash, record_hash, canonical_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            record.businessKey(),
            record.sequenceNo(),
            record.recordType(),
            record.processDefinitionKey(),
            record.processDefinitionId(),
            record.processInstanceId(),
            record.elementId(),
            record.taskId(),
            record.dutyCode(),
            record.clause(),
            record.performer(),
            record.assignee(),
            OffsetDateTime.ofInstant(record.recordedAt(), ZoneOffset.UTC),
            record.verificationMethod(),
            record.findings(),
            record.documents(),
            record.ruleSetVersion(),
            record.amendsSequenceNo(),
            record.amendmentReason(),
            record.previousHash(),
            record.recordHash(),
            record.canonicalVersion())
        .update(id, "id");
    jdbc.sql("UPDATE evidence_chain SET last_sequence_no = ?, last_hash = ? WHERE business_key = ?")
        .params(record.sequenceNo(), record.recordHash(), record.businessKey())
        .update();
    if (held != null) {
      held.put(record.businessKey(), new Head(record.sequenceNo(), record.recordHash()));
    }
    return record.withId(id.getKey().longValue());
  }

  /**
   * The chain heads the current transaction has locked and written, by case; null outside a synchronized transaction
   * (every append then locks). Forgotten when the transaction ends, set aside while it is suspended.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Head> headsHeld() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<String, Head> held =
        (Map<String, Head>) TransactionSynchronizationManager.getResource(this);
    if (held == null) {
      Map<String, Head> heads = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, heads);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void suspend() {
              TransactionSynchronizationManager.unbindResourceIfPossible(EvidenceLedger.this);
            }

            @Override
            public void resume() {
              TransactionSynchronizationManager.bindResource(EvidenceLedger.this, heads);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(EvidenceLedger.this);
            }
          });
      held = heads;
    }
    return held;
  }

  public List<EvidenceRecord> records(String businessKey) {
    return jdbc.sql("SELECT * FROM evidence_record WHERE business_key = ? ORDER BY sequence_no, id")
        .param(businessKey)
        .query(EvidenceLedger::map)
        .list();
  }

  /**
   * The case's records in order, only the columns a timeline shows, narrowed in SQL: by performer or
   * assignee {@code actor}, by {@code type}, and to {@code from} (inclusive) … {@code to} (exclusive);
   * a null narrows nothing.
   */
  public List<EvidenceSummary> summaries(
      String businessKey, String actor, String type, Instant from, Instant to) {
    StringBuilder sql =
        new StringBuilder(
            """
        SELECT sequence_no, record_type, process_definition_key, element_id, performer, assignee, duty_code, clause,
               recorded_at
        FROM evidence_record WHERE business_key = ?""");
    List<Object> params = new ArrayList<>(List.of(businessKey));
    if (actor != null) {
      sql.append(" AND (performer = ? OR assignee = ?)");
      params.add(actor);
      params.add(actor);
    }
    if (type != null) {
      sql.append(" AND record_type = ?");
      params.add(type);
    }
    if (from != null) {
      sql.append(" AND recorded_at >= ?");
      params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
    }
    if (to != null) {
      sql.append(" AND recorded_at < ?");
      params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }
    sql.append(" ORDER BY sequence_no, id");
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (row, n) ->
                new EvidenceSummary(
                    row.getInt(1),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    row.getString(6),
                    row.getString(7),
                    row.getString(8),
                    row.getObject(9, OffsetDateTime.class).toInstant()))
        .list();
  }

  /** Whether any record of the case names the user as a task's assignee. */
  public boolean namesAssignee(String businessKey, String user) {
    return jdbc.sql("SELECT COUNT(*) FROM evidence_record WHERE business_key = ? AND assignee = ?")
            .params(businessKey, user)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<EvidenceRecord> record(String businessKey, int sequenceNo) {
    return jdbc.sql("SELECT * FROM evidence_record WHERE business_key = ? AND sequence_no = ?")
        .params(businessKey, sequenceNo)
        .query(EvidenceLedger::map)
        .optional();
  }

  /** The last sequence number handed out for the case; empty when the case has no chain. */
  public Optional<Integer> headSequence(String businessKey) {
    return jdbc.sql("SELECT last_sequence_no FROM evidence_chain WHERE business_key = ?")
        .param(businessKey)
        .query(Integer.class)
        .optional();
  }

  public ChainVerification verify(String businessKey) {
    return verify(businessKey, records(businessKey));
  }

  /** Verifies records the caller has just read (in sequence order), without reading them again. */
  public ChainVerification verify(String businessKey, List<EvidenceRecord> records) {
    ChainVerification chain =
        ChainVerifier.verify(businessKey, records, headSequence(businessKey).orElse(null));
    // A chain rewritten with every hash recomputed verifies on its own; only the checkpoints tell.
    return chain.isIntact() && checkpoints != null
        ? checkpoints.verify(businessKey, records).orElse(chain)
        : chain;
  }

  private Head lockHead(String businessKey) {
    return selectHeadForUpdate(businessKey)
        .orElseGet(
            () -> {
              createHead(businessKey);
              return selectHeadForUpdate(businessKey).orElseThrow();
            });
  }

  private Optional<Head> selectHeadForUpdate(String businessKey) {
    return jdbc.sql(
            "SELECT last_sequence_no, last_hash FROM evidence_chain WHERE business_key = ? FOR UPDATE")
        .param(businessKey)
        .query((row, n) -> new Head(row.getInt(1), row.getString(2)))
        .optional();
  }

  /**
   * A new case's empty chain, inserted behind a savepoint of the caller's transaction: two first writers racing to
   * create it must not abort the caller's transaction (PostgreSQL aborts a transaction on a duplicate key), and it
   * takes no second connection (a transaction of its own would: as many first records at once as the pool has
   * connections would each hold one and wait for another until the pool gave up).
   */
  private void createHead(String businessKey) {
    try {
      savepoint.executeWithoutResult(
          tx ->
              jdbc.sql(
                      "INSERT INTO evidence_chain (business_key, last_sequence_no, last_hash) VALUES (?, 0, ?)")
                  .params(businessKey, CanonicalForm.GENESIS)
                  .update());
    } catch (DuplicateKeyException alreadyCreated) {
      // Another writer created it first (the insert waited for its transaction); we queue behind
      // its lock.
    }
  }

  private record Head(int sequenceNo, String hash) {}

  static EvidenceRecord map(ResultSet row, int rowNumber) throws SQLException {
    return map(row, true);
  }

  /**
   * @param versioned whether the table has the columns of Flyway V33; a database from before it holds {@link
   *     CanonicalForm#V1} records only, without a process definition id
   */
  static EvidenceRecord map(ResultSet row, boolean versioned) throws SQLException {
    Integer amends = row.getObject("amends_sequence_no", Integer.class);
    return new EvidenceRecord(
        row.getLong("id"),
        row.getString("business_key"),
        row.getInt("sequence_no"),
        row.getString("record_type"),
        row.getString("process_definition_key"),
        versioned ? row.getString("process_definition_id") : null,
        row.getString("process_instance_id"),
        row.getString("element_id"),
        row.getString("task_id"),
        row.getString("duty_code"),
        row.getString("clause"),
        row.getString("performer"),
        row.getString("assignee"),
        row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        row.getString("verification_method"),
        row.getString("findings"),
        row.getString("documents"),
        row.getString("rule_set_version"),
        amends,
        row.getString("amendment_reason"),
        row.getString("previous_hash"),
        row.getString("record_hash"),
        versioned ? row.getString("canonical_version") : CanonicalForm.V1);
  }
}
