package com.creditdiligence.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Before every command of a signed-in user with groups, Camunda asks which groups hold any authorization
 * at all ({@code AuthorizationManager#getAllGroups}: {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}).
 * PostgreSQL answers that by reading the whole table, which grows with the grants of every task and case:
 * 63–86 ms at 100,000 grants ({@code PostgresThroughputProfile}, BENCHMARKS.md). This manager gives the same answer from
 * Camunda's own index on {@code GROUP_ID_}, one distinct group at a time (a loose index scan: one index
 * probe per group). On any other database the engine's own statement runs.
 */
public final class IndexedAuthorizedGroups extends AuthorizationManager {

  /** The distinct non-null GROUP_ID_ of ACT_RU_AUTHORIZATION, one index probe each; {@code %1$s} is the table prefix. */
  public static final String DISTINCT_GROUPS =
      """
      WITH RECURSIVE grp (id) AS (
        SELECT MIN(GROUP_ID_) FROM %1$sACT_RU_AUTHORIZATION
        UNION ALL
        SELECT (SELECT MIN(A.GROUP_ID_) FROM %1$sACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ > grp.id)
        FROM grp WHERE grp.id IS NOT NULL)
      SELECT id FROM grp WHERE id IS NOT NULL""";

  private Set<String> groups;

  @Override
  protected Set<String> getAllGroups() {
    if (!"postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
      return super.getAllGroups();
    }
    if (groups == null) {
      DbSqlSession session = getDbSqlSession();
      groups =
          distinctGroups(
              session.getSqlSession().getConnection(),
              session.getDbSqlSessionFactory().getDatabaseTablePrefix());
    }
    return groups;
  }

  static Set<String> distinctGroups(Connection connection, String tablePrefix) {
    Set<String> found = new HashSet<>();
    try (PreparedStatement statement =
            connection.prepareStatement(DISTINCT_GROUPS.formatted(tablePrefix));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        found.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not read the groups that hold authorizations", e);
    }
    return found;
  }

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new IndexedAuthorizedGroups();
    }
  }
}
