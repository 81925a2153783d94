package com.creditdiligence.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over HTTPS every cookie is Secure. Tomcat marks its session cookie itself; the webapps' XSRF-TOKEN
 * cookie is written by Camunda with a fixed, configured flag, which would have to be either wrong over
 * HTTPS or unusable over plain HTTP (a development machine, an intranet address). Served over HTTP,
 * nothing changes.
 */
class SecureCookiesOverHttps extends OncePerRequestFilter {

  private static final Pattern SECURE_ATTRIBUTE = Pattern.compile("(?i);\\s*Secure\\s*(;|$)");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
  }

  static String secure(String setCookie) {
    return SECURE_ATTRIBUTE.matcher(setCookie).find() ? setCookie : setCookie + "; Secure";
  }

  private static final class SecureCookies extends HttpServletResponseWrapper {

    SecureCookies(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addCookie(Cookie cookie) {
      cookie.setSecure(true);
      super.addCookie(cookie);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(
          name, "Set-Cookie".equalsIgnoreCase(name) && value != null ? secure(value) : value);
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(
          name, "Set-Cookie".equalsIgnoreCase(name) && value != null ? secure(value) : value);
    }
  }
}
