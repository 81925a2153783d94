package com.creditdiligence.platform.web;

import com.creditdiligence.platform.EngineActions;
import com.creditdiligence.platform.SubmittableFields;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class WebConfiguration {

  private static final int ENGINE_REST_AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

  /** First of all filters, so that every cookie any of them sets is Secure over HTTPS. */
  @Bean
  FilterRegistrationBean<SecureCookiesOverHttps> secureCookiesOverHttps() {
    FilterRegistrationBean<SecureCookiesOverHttps> registration =
        new FilterRegistrationBean<>(new SecureCookiesOverHttps());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** /engine-rest answers only to authenticated users (HTTP Basic), so the engine knows who acted. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(ENGINE_REST_AUTHENTICATION_ORDER);
    return registration;
  }

  /** After /engine-rest's authentication, so that the door knows who is asking (the webapps' session it reads itself). */
  @Bean
  FilterRegistrationBean<EngineDoor> engineDoor(
      ProcessEngine engine,
      EngineActions actions,
      SubmittableFields fields,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<EngineDoor> registration =
        new FilterRegistrationBean<>(new EngineDoor(engine, actions, fields, webappPath));
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    registration.setOrder(ENGINE_REST_AUTHENTICATION_ORDER + 1);
    return registration;
  }
}
