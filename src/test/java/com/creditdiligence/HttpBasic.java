package com.creditdiligence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The Authorization header a client sends to /engine-rest, /api and /audit (HTTP Basic, UTF-8). */
public final class HttpBasic {

  private HttpBasic() {}

  public static String header(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
