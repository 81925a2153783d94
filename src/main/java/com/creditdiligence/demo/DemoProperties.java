package com.creditdiligence.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** What the embedded default sets up for a first look: users of every group, cases at several stages. */
@ConfigurationProperties("credit-diligence.demo")
public record DemoProperties(boolean users, boolean cases) {}
