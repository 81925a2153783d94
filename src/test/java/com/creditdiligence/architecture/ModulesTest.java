package com.creditdiligence.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The modules' one-way picture of docs/ARCHITECTURE.md, checked on every build: the kernel ({@code submission},
 * {@code evidence}, {@code casefile}) depends on nothing of ours but itself and not on the engine; the engine edge
 * ({@code platform}, its web layer {@code platform.web} included) on the kernel only; the features above both; no
 * two top-level packages depend on each other, however indirectly; the engine's internals stay in {@code platform}; a
 * module's {@code internal} sub-package is its own. Nothing is frozen or allowed by name.
 */
class ModulesTest {

  private static final String ROOT = "com.creditdiligence";

  /** The production classes only: a test may reach anywhere. */
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages(ROOT);

  private static final String[] KERNEL = {
    ROOT + ".submission..", ROOT + ".evidence..", ROOT + ".casefile.."
  };

  @Test
  void noCycleBetweenModules() {
    slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void engineInternalsOnlyInPlatform() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".platform..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda.bpm.engine.impl..")
        .because(
            "the engine's internals change without notice between versions; platform is the one place that "
                + "adapts to them")
        .check(CLASSES);
  }

  @Test
  void kernelDependsOnNoFeatureNorOnTheEngine() {
    noClasses()
        .that()
        .resideInAnyPackage(KERNEL)
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are ours but outside the kernel, or Camunda's",
                type ->
                    type.getPackageName().startsWith("org.camunda")
                        || type.getPackageName().startsWith(ROOT + ".")
                            && !inKernel(type.getPackageName())))
        .because(
            "the kernel (the submission model, the ledger, the case file, group and role names) is what every "
                + "feature builds on; it knows no feature, no engine and no door")
        .check(CLASSES);
  }

  @Test
  void platformDependsOnTheKernelOnly() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".platform..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are ours but neither platform's nor the kernel's",
                type ->
                    type.getPackageName().startsWith(ROOT + ".")
                        && !inKernel(type.getPackageName())
                        && !type.getPackageName().startsWith(ROOT + ".platform")))
        .because(
            "the engine edge serves every feature; a feature plugs into it (a TaskRule, an interface the "
                + "feature implements), it never reaches back")
        .check(CLASSES);
  }

  /**
   * A module may keep types for itself in a sub-package named {@code internal}; no other module may use them. (None
   * has one yet: the rule is there for the first.)
   */
  @Test
  void noModuleReachesIntoAnothersInternals() {
    List<String> violations = new ArrayList<>();
    for (JavaClass origin : CLASSES) {
      for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
        String target = dependency.getTargetClass().getPackageName();
        if (target.startsWith(ROOT + ".")
            && (target + ".").contains(".internal.")
            && !module(target).equals(module(origin.getPackageName()))) {
          violations.add(dependency.getDescription());
        }
      }
    }
    assertThat(violations).as("uses of another module's internal package").isEmpty();
  }

  /** The top-level package under {@link #ROOT} a package belongs to. */
  private static String module(String packageName) {
    String rest = packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static boolean inKernel(String packageName) {
    for (String kernel : KERNEL) {
      String root = kernel.substring(0, kernel.length() - 2);
      if (packageName.equals(root) || packageName.startsWith(root + ".")) {
        return true;
      }
    }
    return false;
  }
}
