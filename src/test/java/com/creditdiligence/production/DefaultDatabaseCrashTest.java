package com.creditdiligence.production;

import com.creditdiligence.demo.DemoUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link CrashUnderLoad} on the application's own default: the embedded H2 in {@code ./data}, exactly as
 * {@code application.yaml} configures it (no datasource argument), with its demo users.
 */
@Tag("production")
@Tag("cluster")
class DefaultDatabaseCrashTest extends CrashUnderLoad {

  private Path workingDirectory;

  /** A fresh working directory, so that the node's {@code ./data} starts empty. */
  @BeforeEach
  void freshData() throws Exception {
    workingDirectory =
        Files.createDirectories(Path.of("target", "crash-h2-" + System.currentTimeMillis()))
            .toAbsolutePath();
  }

  @Override
  String databaseName() {
    return "default H2";
  }

  @Override
  List<String> arguments(int port) {
    return List.of("--server.port=" + port);
  }

  @Override
  Path workingDirectory() {
    return workingDirectory;
  }

  /** The node's file, through the server AUTO_SERVER=TRUE starts in the node (the file is the node's while it runs). */
  @Override
  DataSource dataSource() {
    return new DriverManagerDataSource(
        "jdbc:h2:file:" + workingDirectory.resolve("data/credit-diligence") + ";AUTO_SERVER=TRUE",
        "sa",
        "");
  }

  @Override
  void prepare() {
    // The demo users exist on the default: manager1 with a qualification, admin the administrator.
  }

  @Override
  String[] manager() {
    return new String[] {"manager1", DemoUsers.PASSWORD};
  }

  @Override
  String[] administrator() {
    return new String[] {"admin", DemoUsers.PASSWORD};
  }
}
