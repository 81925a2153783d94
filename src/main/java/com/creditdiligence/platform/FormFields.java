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

  /**
   * The keyed fields of one form, and among them those a user can edit: a disabled or read-only field only shows a
   * value (one carried from an earlier step, a fact of the case), so a value under its name is not the user's to submit.
   */
  record Form(List<String> keys, List<String> editable) {}

  private static final Form NONE = new Form(List.of(), List.of());

  private final Map<String, Map<String, Form>> byDeployment = new ConcurrentHashMap<>();

  List<String> of(RepositoryService repository, String deploymentId, String formId) {
    return form(repository, deploymentId, formId).keys();
  }

  /** The fields the user may submit on the form: an unknown form has none. */
  List<String> editable(RepositoryService repository, String deploymentId, String formId) {
    return form(repository, deploymentId, formId).editable();
  }

  private Form form(RepositoryService repository, String deploymentId, String formId) {
    if (formId == null) {
      return NONE;
    }
    return byDeployment
        .computeIfAbsent(deploymentId, id -> read(repository, id))
        .getOrDefault(formId, NONE);
  }

  private static Map<String, Form> read(RepositoryService repository, String deploymentId) {
    Map<String, Form> forms = new HashMap<>();
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (resource.endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
          JsonNode schema = JSON.readTree(in);
          List<String> keys = new ArrayList<>();
          List<String> editable = new ArrayList<>();
          collectKeys(schema.path("components"), keys, editable);
          forms.put(schema.path("id").asText(), new Form(List.copyOf(keys), List.copyOf(editable)));
        } catch (IOException e) {
          throw new UncheckedIOException("Unreadable form " + resource, e);
        }
      }
    }
    return forms;
  }

  /**
   * Neither disabled nor read-only. A read-only condition (a FEEL expression) counts as read-only: the server cannot
   * tell on which path the user saw the field editable.
   */
  static boolean editable(JsonNode component) {
    return !component.path("disabled").asBoolean(false)
        && !component.path("readonly").asBoolean(false)
        && !component.path("readonly").isTextual();
  }

  private static void collectKeys(JsonNode components, List<String> keys, List<String> editable) {
    for (JsonNode component : components) {
      String key = null;
      if ("dynamiclist".equals(component.path("type").asText())) {
        // A list of items is one variable (a JSON array) named by its path; its children are item
        // fields.
        key = component.path("path").asText();
      } else if (component.hasNonNull("key")) {
        key = component.get("key").asText();
      }
      if (key != null) {
        keys.add(key);
        if (editable(component)) {
          editable.add(key);
        }
      }
      if (!"dynamiclist".equals(component.path("type").asText())) {
        collectKeys(component.path("components"), keys, editable);
      }
    }
  }
}
