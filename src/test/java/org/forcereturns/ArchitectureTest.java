package org.forcereturns;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package layout: one package per step of the job, over a domain that knows nothing of Spring. */
@AnalyzeClasses(packages = "org.forcereturns", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Each package may use those below it in the flow, never one that uses it back. */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("org.forcereturns.(*)..").should().beFreeOfCycles();

    /** The contract's values and rules stand alone: testable and reusable without a Spring context. */
    @ArchTest
    static final ArchRule domain_without_spring = noClasses()
            .that().resideInAnyPackage("org.forcereturns.domain..", "org.forcereturns.normalise..",
                    "org.forcereturns.aggregate..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");
}
