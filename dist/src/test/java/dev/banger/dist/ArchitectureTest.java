package dev.banger.dist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The microkernel's dependency rules. Plugins are imported from their module's classes (they are not
 * on this module's test classpath as jars... they are, as provided dependencies, which is why this works).
 */
class ArchitectureTest {
    private static final List<String> PLUGINS = List.of("ops", "image", "vm");
    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.banger");
    }

    @Test
    void theKernelKnowsNoPluginHelperOrCli() {
        noClasses().that().resideInAPackage("dev.banger.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.banger.plugins..", "dev.banger.helper..", "dev.banger.cli..", "dev.banger.testplugins..")
                .check(classes);
    }

    @Test
    void noPluginDependsOnAnotherPlugin() {
        for (String p : PLUGINS) {
            String[] others = PLUGINS.stream().filter(o -> !o.equals(p)).map(o -> "dev.banger.plugins." + o + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.banger.plugins." + p + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void pluginsReachTheHostOnlyThroughKernelApi() {
        noClasses().that().resideInAPackage("dev.banger.plugins..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.banger.kernel.core..", "dev.banger.cli..", "dev.banger.helper.server..")
                .check(classes);
    }

    @Test
    void theCliReachesPluginsOnlyThroughTheirApiPackages() {
        noClasses().that().resideInAPackage("dev.banger.cli..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "plugin classes outside an api package",
                        c -> c.getPackageName().startsWith("dev.banger.plugins.") && !c.getPackageName().matches("dev\\.banger\\.plugins\\.[a-z]+\\.api(\\..*)?")))
                .check(classes);
    }

    @Test
    void theHelperServerKnowsNoPluginOrCli() {
        noClasses().that().resideInAPackage("dev.banger.helper..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.banger.plugins..", "dev.banger.cli..")
                .check(classes);
    }

    @Test
    void rpcFamiliesLiveInPluginPackagesAsExtensions() {
        classes().that().implement(dev.banger.kernel.api.RpcFamily.class).and().resideOutsideOfPackage("dev.banger.testplugins..")
                .should().resideInAPackage("dev.banger.plugins..")
                .andShould().beAnnotatedWith(org.pf4j.Extension.class)
                .check(classes);
    }
}
