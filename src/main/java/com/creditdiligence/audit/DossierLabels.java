package com.creditdiligence.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The names (messages/audit) of the codes one dossier holds, by {@code kind.code}, for a page that shows them. */
@Component
class DossierLabels {

  private final MessageSource messages;

  DossierLabels(MessageSource messages) {
    this.messages = messages;
  }

  Map<String, String> of(Dossier d) {
    Map<String, String> labels = new LinkedHashMap<>();
    put(labels, "product", d.caseFile().product());
    put(labels, "outcome", d.caseFile().status());
    d.timeline()
        .forEach(
            e -> {
              put(labels, "record", e.type());
              put(labels, "stage", e.stage());
              put(labels, "duty", e.duty());
            });
    d.accessLog().forEach(e -> put(labels, "record", e.type()));
    d.dutyFacts()
        .forEach(
            f -> {
              put(labels, "duty", f.fact().code());
              put(labels, "stage", f.fact().stage());
              put(labels, "fact.status", f.fact().status());
            });
    d.reviews()
        .forEach(
            r -> {
              put(labels, "trigger", r.review().trigger());
              r.findings()
                  .forEach(
                      f -> {
                        put(labels, "finding.status", f.status());
                        put(labels, "severity", f.severity());
                        put(labels, "stage", f.stage());
                      });
              r.determinations()
                  .forEach(
                      det -> {
                        put(labels, "round", det.round());
                        put(labels, "tier", det.tier().code());
                      });
            });
    return labels;
  }

  /** Only codes with a name: the page shows the others as they are. */
  private void put(Map<String, String> labels, String kind, Object code) {
    if (code == null) {
      return;
    }
    String key = kind + "." + code;
    String name = messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE);
    if (name != null) {
      labels.put(key, name);
    }
  }
}
