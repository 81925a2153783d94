package com.creditdiligence.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests must prove they come from the application's own page (a CSRF token): those that change
 * state and that a browser may have sent without the user meaning to — carried by the webapps' session
 * cookie, or sent from a page of another origin (its Origin, or the browser's Sec-Fetch-Site, says so; a
 * browser also replays Basic credentials it has cached). A script or curl with Basic credentials and no
 * Origin has no ambient authority to abuse and needs no token.
 */
final class BrowserIntent implements RequestMatcher {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> OTHER_SITES = Set.of("same-site", "cross-site");

  private final WebappSession webappSession;

  BrowserIntent(WebappSession webappSession) {
    this.webappSession = webappSession;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return false;
    }
    return fromAnotherOrigin(request) || webappSession.user(request) != null;
  }

  static boolean fromAnotherOrigin(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && OTHER_SITES.contains(fetchSite)) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null
        && !sameOrigin(
            origin, request.getScheme(), request.getServerName(), request.getServerPort());
  }

  /** Whether an Origin header names this server: scheme, host and port alike ("null" is no origin of ours). */
  static boolean sameOrigin(String origin, String scheme, String host, int port) {
    try {
      URI uri = URI.create(origin.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return false;
      }
      int originPort = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
      return uri.getScheme().equalsIgnoreCase(scheme)
          && uri.getHost().equalsIgnoreCase(host)
          && originPort == port;
    } catch (IllegalArgumentException notAnOrigin) {
      return false;
    }
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
