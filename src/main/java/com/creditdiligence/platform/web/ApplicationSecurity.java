package com.creditdiligence.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The application's own pages and API (/api, /cases, /audit), by Spring Security; /engine-rest and the
 * Camunda webapps keep Camunda's own filters (and the engine doors).
 * <ul>
 *   <li><b>Who:</b> a user of Camunda's identity service, signed in to the webapps (their session, so that a
 *   link from a Tasklist form just works) or giving HTTP Basic credentials. The user is the engine's
 *   authenticated user for the request, so that everything recorded names who did it.</li>
 *   <li><b>Proof of intent:</b> a request that changes state and that a browser could have sent on the
 *   user's behalf — with the webapps' session cookie, or from a page of another origin — carries the
 *   page's CSRF token ({@link BrowserIntent}). Another port of the same host is another origin, and
 *   SameSite=Lax does not stop it. Basic clients without an Origin (curl, scripts) are not affected.</li>
 *   <li><b>Headers:</b> a Content-Security-Policy without inline script, framed only by the application
 *   itself, {@code nosniff}, a same-origin referrer, no caching of case data; HSTS over HTTPS.</li>
 * </ul>
 */
@Configuration
class ApplicationSecurity {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

  /** The paths Spring Security guards; the servlet filter is mapped to these alone (see the registration below). */
  static final String[] PATHS = {
    "/api/*", "/cases/*", "/audit", "/audit/*", "/desk", "/desk/*", "/managers/*"
  };

  /**
   * Spring Security's filter on the application's paths only (Boot's own registration, mapped to every path, is
   * excluded in application.yaml): its firewall and headers must not change how /engine-rest and the webapps
   * answer, which the engine doors and Camunda own.
   */
  @Bean
  DelegatingFilterProxyRegistrationBean applicationSecurityFilter() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean(
            AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
    registration.addUrlPatterns(PATHS);
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER);
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    return registration;
  }

  @Bean
  SecurityFilterChain applicationPages(HttpSecurity http, ProcessEngine engine) throws Exception {
    IdentityService identity = engine.getIdentityService();
    WebappSession webappSession = new WebappSession(engine.getName());
    http.securityMatcher(
            "/api/**", "/cases/**", "/audit", "/audit/**", "/desk", "/desk/**", "/managers/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(
            basic ->
                basic
                    .realmName("credit-diligence")
                    .authenticationEntryPoint(ApplicationSecurity::unauthorized))
        .addFilterBefore(
            new WebappSessionAuthentication(webappSession), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthentication(identity), AuthorizationFilter.class)
        // The token lives as long as the webapps' session; an adopted sign-in is not a new login
        // that would renew it.
        .csrf(
            csrf ->
                csrf.requireCsrfProtectionMatcher(new BrowserIntent(webappSession))
                    .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(ApplicationSecurity::unauthorized)
                    .accessDeniedHandler(
                        (request, response, denied) -> forbidden(request, response, denied)))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frames -> frames.sameOrigin())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        // Each request is authenticated anew (session or Basic); nothing of Spring's is kept in the
        // session, and the
        // webapps' session is theirs: adopting it must not change its id (fixation protection
        // belongs to their login).
        .sessionManagement(
            sessions ->
                sessions
                    .sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable());
    return http.build();
  }

  /** HTTP Basic against Camunda's identity service (its password hashing and login-attempt throttling). */
  @Bean
  AuthenticationProvider camundaIdentity(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication attempt) {
        String user = attempt.getName();
        Object password = attempt.getCredentials();
        if (user == null
            || password == null
            || !identity.checkPassword(user, password.toString())) {
          throw new BadCredentialsException("Bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
      }
    };
  }

  /** The webapps' signed-in user, adopted as this request's; Basic credentials are then not needed. */
  private static final class WebappSessionAuthentication extends OncePerRequestFilter {

    private final WebappSession webappSession;

    WebappSessionAuthentication(WebappSession webappSession) {
      this.webappSession = webappSession;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = webappSession.user(request);
      if (user != null && SecurityContextHolder.getContext().getAuthentication() == null) {
        SecurityContextHolder.getContext()
            .setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
      }
      chain.doFilter(request, response);
    }
  }

  /** The authenticated user, with their groups as they are now, is the engine's for the request. */
  private static final class EngineAuthentication extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineAuthentication(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = SecurityContextHolder.getContext().getAuthentication().getName();
      List<String> groups =
          identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      identity.setAuthentication(user, groups);
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }
  }

  private static void unauthorized(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.core.AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"credit-diligence\", charset=\"UTF-8\"");
    problem(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Unauthorized",
        "请登录 Log in with your Camunda user name and password");
  }

  private static void forbidden(
      HttpServletRequest request, HttpServletResponse response, Exception denied)
      throws IOException {
    String detail =
        denied instanceof MissingCsrfTokenException || denied instanceof CsrfException
            ? "此请求缺少本页面的安全令牌,可能来自其他网页;请从本系统的页面重新提交 The request carries no valid token of this "
                + "application's page (it may come from another site or port); submit it again from the application's own page"
            : "无权操作 Not permitted";
    if (pageForABrowser(request)) {
      page(response, HttpServletResponse.SC_FORBIDDEN, detail);
      return;
    }
    problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
  }

  /**
   * A browser's request for one of the pages (a form posted from the documents page, say), not for /api: it asks for
   * HTML, and shows problem+json raw. Scripts and the API keep getting problem+json.
   */
  private static boolean pageForABrowser(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null
        && accept.contains("text/html")
        && !request.getRequestURI().startsWith("/api/");
  }

  /** The refusal as a page, its message (fixed texts of this class, no input of the request) in Chinese and English. */
  private static void page(HttpServletResponse response, int status, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
                + status
                + " 无法完成 Could not be done</title><link rel=\"icon\" href=\"/favicon.svg\"><link rel=\"stylesheet\" "
                + "href=\"/documents/documents.css\"></head><body><h1>无法完成 Could not be done</h1><p id=\"refusal\" "
                + "class=\"refused\" role=\"alert\">"
                + HtmlUtils.htmlEscape(detail)
                + "</p><p><a href=\"/camunda/app/tasklist/\">"
                + "← 返回任务列表 Back to Tasklist</a></p></body></html>");
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}
