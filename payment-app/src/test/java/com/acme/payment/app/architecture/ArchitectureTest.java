package com.acme.payment.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's rules, checked over every module's production classes (this module sees them all).
 * ArchUnit fails a rule that matches no classes, so none of these can pass by matching nothing.
 */
@AnalyzeClasses(packages = "com.acme.payment",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** Shared test fixtures arrive as *-tests.jar, which DoNotIncludeTests does not recognise. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String DOMAIN = "com.acme.payment.domain..";
    private static final String ADAPTERS = "com.acme.payment.adapter..";
    private static final String APP = "com.acme.payment.app..";

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk_and_itself = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule domain_does_not_know_adapters_or_the_app = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, APP);

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("com.acme.payment.adapter.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_the_app = noClasses()
            .that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(APP);

    @ArchTest
    static final ArchRule web_and_adapters_reach_the_core_only_through_ports_and_model = noClasses()
            .that().resideInAnyPackage("com.acme.payment.app.web..", ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage("com.acme.payment.domain.service..");

    /** Only the wiring (config) knows the adapters; requests and jobs see ports. */
    @ArchTest
    static final ArchRule web_and_jobs_depend_on_no_adapter = noClasses()
            .that().resideInAnyPackage("com.acme.payment.app.web..", "com.acme.payment.app.jobs..")
            .should().dependOnClassesThat().resideInAPackage(ADAPTERS);

    @ArchTest
    static final ArchRule stripe_is_used_only_in_the_stripe_adapter = noClasses()
            .that().resideOutsideOfPackage("com.acme.payment.adapter.stripe..")
            .should().dependOnClassesThat().resideInAPackage("com.stripe..");

    @ArchTest
    static final ArchRule jdbc_and_liquibase_are_used_only_in_the_postgres_adapter = noClasses()
            .that().resideInAnyPackage(DOMAIN, "com.acme.payment.adapter.stripe..",
                    "com.acme.payment.adapter.sandbox..", "com.acme.payment.adapter.email..",
                    "com.acme.payment.app.web..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..",
                    "liquibase..", "io.zonky..", "org.postgresql..");

    @ArchTest
    static final ArchRule mail_is_used_only_in_the_email_adapter = noClasses()
            .that().resideOutsideOfPackage("com.acme.payment.adapter.email..")
            .and().resideOutsideOfPackage("com.acme.payment.app.config..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.springframework.mail..");

    @ArchTest
    static final ArchRule no_package_cycles = slices()
            .matching("com.acme.payment.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule rest_controllers_are_named_controller = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().haveSimpleNameEndingWith("Controller");

    @ArchTest
    static final ArchRule domain_carries_no_spring_annotations = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().beAnnotatedWith("org.springframework.stereotype.Component")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "lombok..",
                    "org.mapstruct..");
}
