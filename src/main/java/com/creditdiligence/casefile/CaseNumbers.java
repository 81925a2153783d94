package com.creditdiligence.casefile;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Year;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/** Application numbers {@code GA-yyyy-nnnnnn}: the business key of every case. */
@Component
public class CaseNumbers {

  public static final Pattern FORMAT = Pattern.compile("GA-\\d{4}-\\d{6}");

  private final DataFieldMaxValueIncrementer sequence;

  public CaseNumbers(DataSource dataSource) {
    this.sequence = incrementerFor(dataSource);
  }

  public String next(Year year) {
    return "GA-%d-%06d".formatted(year.getValue(), sequence.nextLongValue());
  }

  public static boolean isValid(String businessKey) {
    return businessKey != null && FORMAT.matcher(businessKey).matches();
  }

  private static DataFieldMaxValueIncrementer incrementerFor(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell the database product for case numbers", e);
    }
    return switch (product) {
      case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, "case_number_seq");
      case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, "case_number_seq");
      default ->
          throw new IllegalStateException("Unsupported database for case numbers: " + product);
    };
  }
}
