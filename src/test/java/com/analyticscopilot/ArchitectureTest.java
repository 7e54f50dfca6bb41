package com.analyticscopilot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

/**
 * The one-way rules of docs/decisions and ARCHITECTURE: a change that breaks one fails the build
 * instead of waiting for a review.
 */
@AnalyzeClasses(packages = "com.analyticscopilot",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {
        "com.analyticscopilot.data..", "com.analyticscopilot.detect..",
        "com.analyticscopilot.forecast..", "com.analyticscopilot.agent..",
        "com.analyticscopilot.report.."
    };

    @ArchTest
    static final ArchRule coreKnowsNoUi = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..", "picocli..")
            .because("detection, forecasting and agent logic must run headless and be testable alone");

    @ArchTest
    static final ArchRule coreKnowsNoFrontEnd = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.analyticscopilot.app..", "com.analyticscopilot.cli..");

    @ArchTest
    static final ArchRule appAndCliAreSeparate = noClasses()
            .that().resideInAPackage("com.analyticscopilot.app..")
            .should().dependOnClassesThat().resideInAPackage("com.analyticscopilot.cli..");

    @ArchTest
    static final ArchRule cliIsNotTheApp = noClasses()
            .that().resideInAPackage("com.analyticscopilot.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("com.analyticscopilot.app..", "javafx..");

    @ArchTest
    static final ArchRule deepLearningStaysInForecast = noClasses()
            .that().resideOutsideOfPackage("com.analyticscopilot.forecast..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
            .because("the forecaster's public face takes and returns plain arrays and our own types");

    @ArchTest
    static final ArchRule sqlStaysInTheAgent = noClasses()
            .that().resideOutsideOfPackage("com.analyticscopilot.agent..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("only the feedback store talks to SQLite");

    @ArchTest
    static final ArchRule dataDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("com.analyticscopilot.data..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.analyticscopilot.detect..", "com.analyticscopilot.forecast..",
                    "com.analyticscopilot.agent..", "com.analyticscopilot.report..");

    @ArchTest
    static final ArchRule forecastDoesNotDetect = noClasses()
            .that().resideInAPackage("com.analyticscopilot.forecast..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.analyticscopilot.detect..", "com.analyticscopilot.agent..",
                    "com.analyticscopilot.report..");

    @ArchTest
    static final ArchRule detectDoesNotAdvise = noClasses()
            .that().resideInAPackage("com.analyticscopilot.detect..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.analyticscopilot.agent..", "com.analyticscopilot.report..");

    @ArchTest
    static final ArchRule onlyTheCliPrints = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static void noStackTracesPrinted(JavaClasses classes) {
        noClasses().should().callMethod(Throwable.class, "printStackTrace")
                .because("a user never sees a stack trace; log it with SLF4J instead")
                .check(classes);
    }
}
