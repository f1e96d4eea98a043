package dev.ossemu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;

/**
 * The layering of the house style (STYLE (c)): Netty only in {@code server} and {@code http}, and
 * dependencies pointing downwards only. Packages in one layer may use each other; a package may use
 * any layer below its own, never one above.
 */
@AnalyzeClasses(packages = "dev.ossemu", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** Top to bottom. */
  private static final List<String[]> LAYERS =
      List.of(
          // The public facade and its front ends: the composition root lives here.
          new String[] {
            "dev.ossemu",
            "dev.ossemu.cli..",
            "dev.ossemu.junit..",
            "dev.ossemu.config..",
            "dev.ossemu.testcontainers.."
          },
          new String[] {"dev.ossemu.server.."},
          new String[] {"dev.ossemu.http.."},
          new String[] {"dev.ossemu.service.."},
          // Beside the OSS chain: the emulator's own API and the durable stores.
          new String[] {"dev.ossemu.admin..", "dev.ossemu.persist.."},
          new String[] {"dev.ossemu.routing.."},
          new String[] {"dev.ossemu.operation.."},
          new String[] {"dev.ossemu.auth..", "dev.ossemu.object.."},
          new String[] {"dev.ossemu.bucket.."},
          // Request and response values, the one error type and its renderer, the one XML codec
          // (which raises MalformedXML), and stored bodies: used by everything above.
          new String[] {
            "dev.ossemu.request..", "dev.ossemu.error..", "dev.ossemu.xml..", "dev.ossemu.blob.."
          });

  @ArchTest
  static final ArchRule nettyOnlyInServerAndHttp =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.ossemu.server..", "dev.ossemu.http..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.netty..");

  /** Testcontainers is a provided dependency: the core must load without it. */
  @ArchTest
  static final ArchRule testcontainersOnlyInItsOwnPackage =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.ossemu.testcontainers..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.testcontainers..", "com.github.dockerjava..");

  @ArchTest static final ArchRule noPackageDependsUpward = layered();

  private static ArchRule layered() {
    LayeredArchitecture layers = Architectures.layeredArchitecture().consideringAllDependencies();
    for (int i = 0; i < LAYERS.size(); i++) {
      layers = layers.layer(name(i)).definedBy(LAYERS.get(i));
    }
    layers = layers.whereLayer(name(0)).mayNotBeAccessedByAnyLayer();
    for (int i = 1; i < LAYERS.size(); i++) {
      String[] above = new String[i];
      Arrays.setAll(above, ArchitectureTest::name);
      layers = layers.whereLayer(name(i)).mayOnlyBeAccessedByLayers(above);
    }
    return layers;
  }

  private static String name(int layer) {
    return "layer " + layer + " " + LAYERS.get(layer)[0];
  }
}
