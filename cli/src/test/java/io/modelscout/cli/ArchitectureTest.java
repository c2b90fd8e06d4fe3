package io.modelscout.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.modelscout", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {

    @ArchTest
    static final ArchRule API_SEES_ONLY_JDK_AND_GUICE = classes().that().resideInAPackage("io.modelscout.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.modelscout.api..", "java..", "com.google.inject..",
                    "jakarta.inject..")
            .because("the plugin contract must not drag a library or the framework into every plugin");

    @ArchTest
    static final ArchRule PLUGINS_NEVER_SEE_THE_FRAMEWORK = noClasses().that().resideInAPackage("io.modelscout.plugins..")
            .should().dependOnClassesThat().resideInAnyPackage("io.modelscout.selector..", "io.modelscout.reports..",
                    "io.modelscout.cli..")
            .because("a plugin implements the api and nothing else, so it can be dropped into any version");

    @ArchTest
    static final ArchRule SMILE_PLUGINS_ARE_SELF_CONTAINED = noClasses().that().resideInAPackage("io.modelscout.plugins.smile..")
            .should().dependOnClassesThat().resideInAnyPackage("io.modelscout.plugins.weka..", "io.modelscout.plugins.core..", "weka..")
            .because("a plugin never sees another plugin");

    @ArchTest
    static final ArchRule WEKA_PLUGINS_ARE_SELF_CONTAINED = noClasses().that().resideInAPackage("io.modelscout.plugins.weka..")
            .should().dependOnClassesThat().resideInAnyPackage("io.modelscout.plugins.smile..", "io.modelscout.plugins.core..", "smile..")
            .because("a plugin never sees another plugin");

    @ArchTest
    static final ArchRule CORE_PLUGINS_USE_NO_LIBRARY = noClasses().that().resideInAPackage("io.modelscout.plugins.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.modelscout.plugins.smile..", "io.modelscout.plugins.weka..",
                    "smile..", "weka..")
            .because("in-house models are ours alone");

    @ArchTest
    static final ArchRule ONLY_SMILE_ADAPTERS_TOUCH_SMILE = noClasses().that().resideOutsideOfPackage("io.modelscout.plugins.smile..")
            .and().resideInAPackage("io.modelscout..")
            .should().dependOnClassesThat().resideInAPackage("smile..")
            .because("Smile types never leak out of their plugin package");

    @ArchTest
    static final ArchRule ONLY_WEKA_ADAPTERS_TOUCH_WEKA = noClasses().that().resideOutsideOfPackage("io.modelscout.plugins.weka..")
            .and().resideInAPackage("io.modelscout..")
            .should().dependOnClassesThat().resideInAPackage("weka..")
            .because("Weka types never leak out of their plugin package");

    @ArchTest
    static final ArchRule SELECTOR_NAMES_NO_PLUGIN = noClasses().that().resideInAPackage("io.modelscout.selector..")
            .should().dependOnClassesThat().resideInAnyPackage("io.modelscout.plugins..", "io.modelscout.reports..",
                    "io.modelscout.cli..")
            .because("the selector receives the plugin set Guice assembled and never names a concrete plugin");

    @ArchTest
    static final ArchRule REPORTS_SEE_ONLY_RESULTS = noClasses().that().resideInAPackage("io.modelscout.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("io.modelscout.plugins..", "io.modelscout.cli..")
            .because("reports render a selection result, whatever plugins produced it");
}
