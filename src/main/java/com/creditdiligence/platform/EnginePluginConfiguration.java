package com.creditdiligence.platform;

import com.creditdiligence.evidence.EvidenceLedger;
import com.creditdiligence.submission.BusinessTime;
import com.creditdiligence.submission.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place that plugs the application's rules into Camunda's engine. */
@Configuration
class EnginePluginConfiguration {

  @Bean
  ProcessEnginePlugin diligencePlugin(
      TaskRules rules,
      EvidenceLedger ledger,
      ObjectProvider<DocumentCitations> documents,
      RefusalLog refusals,
      List<AssignmentCheck> assignmentChecks,
      BusinessTime businessTime,
      @Value("${credit-diligence.diligence.enabled:true}") boolean diligence,
      @Value("${credit-diligence.variables.transient-submissions:true}")
          boolean transientSubmissions) {
    DiligenceParseListener parseListener =
        new DiligenceParseListener(
            new SubmissionGuard(rules, businessTime),
            new EvidenceCapture(ledger, rules, documents, businessTime),
            assignmentGate(assignmentChecks, businessTime),
            transientSubmissions ? SubmissionVariables.fromClasspath(rules.specs()) : null);
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
          configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        // Off only for the benchmark's bare-engine baseline: no rule checks and no evidence, the
        // cost to be measured.
        if (diligence) {
          configuration.getCustomPreBPMNParseListeners().add(parseListener);
          // Camunda's own database handler stays (the engine adds it after the custom ones).
          List<HistoryEventHandler> handlers =
              configuration.getCustomHistoryEventHandlers() == null
                  ? new ArrayList<>()
                  : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
          handlers.add(new AdministratorInterventions(ledger, businessTime));
          configuration.setCustomHistoryEventHandlers(handlers);
        }
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
          configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration
            .getCustomPreCommandInterceptorsTxRequired()
            .add(new RefusalUnwrappingInterceptor(refusals));
        if (configuration.getCustomSessionFactories() == null) {
          configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new IndexedAuthorizedGroups.Factory());
      }
    };
  }

  /** Runs every {@link AssignmentCheck} when a task gets an assignee; a refusal undoes the assignment. */
  private static TaskListener assignmentGate(
      List<AssignmentCheck> checks, BusinessTime businessTime) {
    return task -> {
      if (task.getAssignee() == null) {
        return;
      }
      List<Refusal> refused = new ArrayList<>();
      checks.forEach(
          check ->
              refused.addAll(
                  check.check(
                      task.getTaskDefinitionKey(), task.getAssignee(), businessTime.today())));
      if (!refused.isEmpty()) {
        throw new SubmissionRefusedException(task.getTaskDefinitionKey(), refused)
            .logged(
                task.getExecution().getProcessBusinessKey(),
                task.getId(),
                task.getAssignee(),
                businessTime.now());
      }
    };
  }
}
