package com.creditdiligence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Credit-guarantee business with the customer manager's diligence on record (客户经理尽职). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CreditDiligenceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CreditDiligenceApplication.class, args);
  }
}
