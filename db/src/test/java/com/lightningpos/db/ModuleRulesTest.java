package com.lightningpos.db;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The db module is plain Java: Flyway, jOOQ and JDBC only. */
@AnalyzeClasses(packages = "com.lightningpos.db", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule no_spring_or_vaadin = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.vaadin..", "com.lightningpos.etl..",
                    "com.lightningpos.pos..", "com.lightningpos.hub..");
}
