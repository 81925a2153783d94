package com.creditdiligence.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The input fields of each deployed Camunda Form, by deployment and form id: what a user actually
 * submitted on a step, as opposed to every variable of the case. Read once per deployment.
 */
class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Map<String, List<String>>> byDeployment = new ConcurrentHashMap<>();

  List<String> of(RepositoryService repository, String deploymentId, String formId) {
    return byDeployment.computeIfAbsent(deploymentId, id -> read(repository, id)).getOrDefault(formId, List.of());
  }

  private static Map<String, List<String>> read(RepositoryService repository, String deploymentId) {
    Map<String, List<String>> forms = new HashMap<>();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
          JsonNode schema = JSON.readTree(in);
          List<String> keys = new ArrayList<>();
          collectKeys(schema.path("components"), keys);
          forms.put(schema.path("id").asText(), List.copyOf(keys));
        } catch (IOException e) {
          throw new UncheckedIOException("Unreadable form " + resource, e);
        }
      }
    }
    return forms;
  }

  private static void collectKeys(JsonNode components, List<String> keys) {
    for (JsonNode component : components) {
      if ("dynamiclist".equals(component.path("type").asText())) {
        // A list of items is one variable (a JSON array) named by its path; its children are item fields.
        keys.add(component.path("path").asText());
        continue;
      }
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }
}
