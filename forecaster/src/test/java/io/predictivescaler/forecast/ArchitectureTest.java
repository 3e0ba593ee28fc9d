package io.predictivescaler.forecast;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.predictivescaler.forecast");

  @Test
  void featureCodeNeverReadsTheClock() {
    noClasses()
        .that()
        .resideInAPackage("..forecast.feature..")
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(java.time.Clock.class)
        .check(classes);
  }

  @Test
  void forecasterDependsOnNoOtherModuleNorVertxNorFabric8() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vertx..",
            "io.fabric8..",
            "io.predictivescaler.collector..",
            "io.predictivescaler.core..",
            "io.predictivescaler.bench..")
        .check(classes);
  }
}
