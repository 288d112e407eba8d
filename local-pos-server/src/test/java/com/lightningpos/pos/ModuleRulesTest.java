package com.lightningpos.pos;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The till server never reaches into the hub app, and has no Vaadin (its UI is static files). */
@AnalyzeClasses(packages = "com.lightningpos.pos", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule independent_of_the_hub = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.lightningpos.hub..", "com.vaadin..");
}
