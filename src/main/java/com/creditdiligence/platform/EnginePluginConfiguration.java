package com.creditdiligence.platform;

import com.creditdiligence.documents.CaseDocuments;
import com.creditdiligence.evidence.EvidenceLedger;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place that plugs the application's rules into Camunda's engine. */
@Configuration
class EnginePluginConfiguration {

  @Bean
  ProcessEnginePlugin diligencePlugin(TaskRules rules, EvidenceLedger ledger, ObjectProvider<CaseDocuments> documents,
                                     RefusalLog refusals) {
    DiligenceParseListener parseListener =
        new DiligenceParseListener(new SubmissionGuard(rules, refusals), new EvidenceCapture(ledger, rules, documents));
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
          configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(parseListener);
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
          configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new RefusalUnwrappingInterceptor());
      }
    };
  }
}
