package com.creditdiligence.platform;

import com.creditdiligence.submission.TaskRule;
import com.creditdiligence.submission.TaskSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every {@link TaskRule} bean, by the BPMN element it guards. Two rules for one element fail the start. */
@Component
public class TaskRules {

  private final Map<String, TaskRule> byElementId;

  public TaskRules(List<TaskRule> rules) {
    this.byElementId =
        rules.stream().collect(Collectors.toMap(TaskRule::elementId, Function.identity()));
  }

  public Optional<TaskRule> forElement(String elementId) {
    return Optional.ofNullable(byElementId.get(elementId));
  }

  /** Each step's stage (its code), by element: what the timeline shows. */
  public Map<String, String> stages() {
    return byElementId.values().stream()
        .map(TaskRule::spec)
        .collect(Collectors.toUnmodifiableMap(TaskSpec::elementId, spec -> spec.stage().code()));
  }

  /** The specs of the steps that must be done by their due date, in the order of their stages, then by duty. */
  public List<TaskSpec> withDeadlines() {
    return byElementId.values().stream()
        .map(TaskRule::spec)
        .filter(spec -> spec.deadline().isPresent())
        .sorted(
            Comparator.comparing((TaskSpec spec) -> spec.stage().ordinal())
                .thenComparing(spec -> spec.deadline().orElseThrow().dutyCode()))
        .toList();
  }

  /** Every step's spec. */
  public List<TaskSpec> specs() {
    return byElementId.values().stream().map(TaskRule::spec).toList();
  }

  public boolean covers(String elementId) {
    return byElementId.containsKey(elementId);
  }
}
