package com.creditdiligence.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first administrator's password from the environment: never a default, never short, never missing. */
class AdministratorPasswordTest {

  @Test
  void aDefaultShortOrMissingPasswordIsRefusedAndALongUnusualOneAccepted() {
    assertThat(AdministratorSetup.weakness("demo")).isEqualTo("is a well-known default");
    assertThat(AdministratorSetup.weakness("Admin")).isEqualTo("is a well-known default");
    assertThat(AdministratorSetup.weakness("S3cret!x")).isEqualTo("is shorter than 12 characters");
    assertThat(AdministratorSetup.weakness("")).isEqualTo("is not set");
    assertThat(AdministratorSetup.weakness(null)).isEqualTo("is not set");
    assertThat(AdministratorSetup.weakness("Ops-Admin-2026-Strong!")).isNull();
  }
}
