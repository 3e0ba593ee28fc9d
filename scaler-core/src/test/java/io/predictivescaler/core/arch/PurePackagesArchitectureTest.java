package io.predictivescaler.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.predictivescaler.core.decision.DecisionPipeline;
import io.predictivescaler.core.decision.archfixture.ClockReadingFixture;
import io.predictivescaler.core.decision.archfixture.VertxDependentFixture;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md §3: pure code takes {@code now} or a {@code Clock} as a parameter and never
 * reads the system clock, and pure code and the forecaster stay free of Vert.x and fabric8. The
 * pure packages of other modules may not exist yet, hence {@code allowEmptyShould(true)}.
 */
class PurePackagesArchitectureTest {

  private static final String[] PURE_PACKAGES = {
    "io.predictivescaler.core.decision..",
    "io.predictivescaler.core.counterfactual..",
    "io.predictivescaler.core.schedule..",
    "io.predictivescaler.core.opsauth..",
    "io.predictivescaler.core.admission..",
    "io.predictivescaler.collector.window..",
    "io.predictivescaler.forecast.feature..",
    "io.predictivescaler.forecast.peak.."
  };

  private static final Set<String> CLOCK_READS =
      Set.of(
          "java.time.Instant.now",
          "java.lang.System.currentTimeMillis",
          "java.lang.System.nanoTime",
          "java.time.LocalDateTime.now",
          "java.time.LocalDate.now",
          "java.time.LocalTime.now",
          "java.time.ZonedDateTime.now",
          "java.time.OffsetDateTime.now",
          "java.time.Clock.systemUTC",
          "java.time.Clock.systemDefaultZone");

  private static final DescribedPredicate<JavaMethodCall> READS_SYSTEM_CLOCK =
      DescribedPredicate.describe(
          "read the system clock",
          call -> CLOCK_READS.contains(call.getTargetOwner().getName() + "." + call.getName()));

  private static final JavaClasses PRODUCTION = importProduction();

  /** The rules only need the names of called classes, so third-party jars are not parsed. */
  private static JavaClasses importProduction() {
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.isJar() || location.contains("predictive"))
        .importPackages("io.predictivescaler");
  }

  static ArchRule pureCodeDoesNotReadTheSystemClock() {
    return noClasses()
        .that()
        .resideInAnyPackage(PURE_PACKAGES)
        .should()
        .callMethodWhere(READS_SYSTEM_CLOCK)
        .allowEmptyShould(true)
        .because("pure code takes now or a Clock as a parameter (ARCHITECTURE §3)");
  }

  static ArchRule pureCodeDoesNotUseVertxOrFabric8() {
    return noClasses()
        .that()
        .resideInAnyPackage(PURE_PACKAGES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertx..", "io.fabric8..")
        .allowEmptyShould(true)
        .because("I/O sits at the edges (ARCHITECTURE §3)");
  }

  static ArchRule forecasterDoesNotUseVertxOrFabric8() {
    return noClasses()
        .that()
        .resideInAPackage("io.predictivescaler.forecast..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertx..", "io.fabric8..")
        .allowEmptyShould(true)
        .because("the forecaster depends on nothing internal, no Vert.x, no fabric8");
  }

  @Test
  void importsTheDecisionPipelineSoTheRulesAreNotVacuous() {
    assertThat(PRODUCTION.contain(DecisionPipeline.class)).isTrue();
    assertThat(PRODUCTION.contain(ClockReadingFixture.class)).isFalse();
  }

  @Test
  void pureCodeReadsNoSystemClock() {
    pureCodeDoesNotReadTheSystemClock().check(PRODUCTION);
  }

  @Test
  void pureCodeUsesNoVertxOrFabric8() {
    pureCodeDoesNotUseVertxOrFabric8().check(PRODUCTION);
  }

  @Test
  void forecasterUsesNoVertxOrFabric8() {
    forecasterDoesNotUseVertxOrFabric8().check(PRODUCTION);
  }

  @Test
  void clockRuleFailsOnAClassThatReadsTheClock() {
    JavaClasses fixture = new ClassFileImporter().importClasses(ClockReadingFixture.class);

    assertThatThrownBy(() -> pureCodeDoesNotReadTheSystemClock().check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Instant.now()")
        .hasMessageContaining("System.currentTimeMillis()")
        .hasMessageContaining("System.nanoTime()")
        .hasMessageContaining("LocalDateTime.now()")
        .hasMessageContaining("LocalDate.now()")
        .hasMessageContaining("ZonedDateTime.now()")
        .hasMessageContaining("OffsetDateTime.now()")
        .hasMessageContaining("Clock.systemUTC()")
        .hasMessageContaining("Clock.systemDefaultZone()");
  }

  @Test
  void dependencyRuleFailsOnAClassThatUsesVertx() {
    JavaClasses fixture = new ClassFileImporter().importClasses(VertxDependentFixture.class);

    assertThatThrownBy(() -> pureCodeDoesNotUseVertxOrFabric8().check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.vertx.core.Vertx");
  }
}
