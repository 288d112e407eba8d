package com.lightningpos.etl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** etl-core stays framework-free, so it can be tested and simulated on its own. */
@AnalyzeClasses(packages = "com.lightningpos.etl", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule no_spring_vaadin_or_servlet = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta.servlet..", "javax.servlet..");

    @ArchTest
    static final ArchRule no_application_code = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.lightningpos.pos..", "com.lightningpos.hub..");
}
