package com.creditdiligence.production;

import com.creditdiligence.evidence.TestCheckpoints;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** {@link CrashUnderLoad} on PostgreSQL, with the staff a production deployment's administrator creates. */
@Tag("production")
@Tag("cluster")
class CrashTest extends CrashUnderLoad {

  private static final String[] ADMIN = {"opsadmin", "Ops-Admin-2026-Strong!"};
  private static final String STAFF_PASSWORD = "Staff-Password-2026";
  private static final String[] MANAGER = {"manager1", STAFF_PASSWORD};

  private static EmbeddedPostgres postgres;

  /** One store and key for every restart, as a deployment keeps them. */
  private static final Path CHECKPOINTS = TestCheckpoints.newStore();

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  String databaseName() {
    return "PostgreSQL";
  }

  @Override
  List<String> arguments(int port) {
    return Stream.concat(
            TestCheckpoints.arguments(CHECKPOINTS).stream(),
            Stream.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--server.port=" + port,
                "--credit-diligence.admin.user=" + ADMIN[0],
                "--credit-diligence.admin.password=" + ADMIN[1]))
        .toList();
  }

  @Override
  Path workingDirectory() {
    return Path.of(".");
  }

  @Override
  DataSource dataSource() {
    return postgres.getDatabase("postgres", "postgres");
  }

  @Override
  String[] manager() {
    return MANAGER;
  }

  @Override
  String[] administrator() {
    return ADMIN;
  }

  /** A production deployment's staff, created by its administrator through /engine-rest and /api. */
  @Override
  void prepare() throws IOException {
    List<String[]> staff = new ArrayList<>();
    staff.add(new String[] {MANAGER[0], "customerManager"});
    for (int i = 1; i <= 5; i++) {
      staff.add(new String[] {"committee" + i, "committee"});
    }
    for (String[] person : staff) {
      send(
          ADMIN,
          "POST",
          "/engine-rest/user/create",
          "{\"profile\":{\"id\":\""
              + person[0]
              + "\",\"firstName\":\""
              + person[0]
              + "\",\"lastName\":\"staff\",\"email\":\""
              + person[0]
              + "@example.com\"},\"credentials\":{\"password\":\""
              + STAFF_PASSWORD
              + "\"}}");
      send(ADMIN, "PUT", "/engine-rest/group/" + person[1] + "/members/" + person[0], "");
    }
    send(
        ADMIN,
        "PUT",
        "/api/managers/manager1/qualification",
        "{\"level\":\"senior\",\"validFrom\":\"2026-01-01\",\"validUntil\":\"2027-12-31\"}");
  }
}
