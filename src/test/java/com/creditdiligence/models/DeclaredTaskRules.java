package com.creditdiligence.models;

import com.creditdiligence.CreditDiligenceApplication;
import com.creditdiligence.platform.TaskRules;
import com.creditdiligence.submission.TaskRule;
import java.util.List;
import org.objenesis.ObjenesisStd;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * The application's {@link TaskRule} beans as the context finds them (@Component classes under the application's package),
 * without a context: each is instantiated without its collaborators, which {@link TaskRule#spec()} does not use.
 * For the tests that read the rules' specs, not their checks.
 */
final class DeclaredTaskRules {

  private DeclaredTaskRules() {}

  static List<TaskRule> all() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(true);
    ObjenesisStd objenesis = new ObjenesisStd();
    return scanner
        .findCandidateComponents(CreditDiligenceApplication.class.getPackageName())
        .stream()
        .map(BeanDefinition::getBeanClassName)
        .map(name -> ClassUtils.resolveClassName(name, DeclaredTaskRules.class.getClassLoader()))
        .filter(TaskRule.class::isAssignableFrom)
        .map(type -> (TaskRule) objenesis.newInstance(type))
        .toList();
  }

  static TaskRules asTaskRules() {
    return new TaskRules(all());
  }
}
