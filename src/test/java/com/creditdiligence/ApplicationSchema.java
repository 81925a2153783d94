package com.creditdiligence;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** The application's own tables (Flyway's migrations) in a database a test makes, outside any Spring context. */
public final class ApplicationSchema {

  private ApplicationSchema() {}

  /** A pool that gives up on a wait for a connection after a second, so a second connection asked for fails fast. */
  public static HikariDataSource pool(String url, String user, int connections) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setMaximumPoolSize(connections);
    pool.setConnectionTimeout(1_000);
    return pool;
  }

  /**
   * Migrated through connections of its own: Flyway holds two at once, the pool under test may have one. {@code
   * vendor} is {@code h2} or {@code postgresql}.
   */
  public static void migrate(HikariDataSource pool, String vendor) {
    Flyway.configure()
        .dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())
        .table("app_schema_history")
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
        .load()
        .migrate();
  }
}
