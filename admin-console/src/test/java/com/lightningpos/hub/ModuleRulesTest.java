package com.lightningpos.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hub never reaches into the till server; views stay free of SQL. */
@AnalyzeClasses(packages = "com.lightningpos.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule independent_of_the_till = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.lightningpos.pos..");

    @ArchTest
    static final ArchRule views_do_not_query_the_database = noClasses().that().resideInAnyPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..");
}
