package dev.vastguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the domain and use cases free of AWS, Lambda and HTTP types, so they stay testable with plain fakes. */
class ArchitectureTest {

    private static final JavaClasses SHARED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vastguard");

    @Test
    void domainAndUseCases_doNotDependOnTheAwsSdkOrLambda() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.vastguard.money..",
                        "dev.vastguard.team",
                        "dev.vastguard.principal",
                        "dev.vastguard.instance",
                        "dev.vastguard.ledger",
                        "dev.vastguard.audit",
                        "dev.vastguard.outcome",
                        "dev.vastguard.sweep..",
                        "dev.vastguard.reconcile..",
                        "dev.vastguard.admin..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon.awssdk..", "com.amazonaws..")
                .check(SHARED);
    }

    @Test
    void onlyTheDynamoPackagesAndThePlatformTouchDynamoDb() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..dynamo..", "dev.vastguard.platform..", "dev.vastguard.emulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon.awssdk.services.dynamodb..", "software.amazon.awssdk.enhanced..")
                .check(SHARED);
    }

    @Test
    void theVastClientPort_doesNotDependOnItsHttpImplementationUsers() {
        noClasses()
                .that()
                .resideInAPackage("dev.vastguard.vast..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.vastguard.api..",
                        "dev.vastguard.sweep..",
                        "dev.vastguard.instance..",
                        "dev.vastguard.platform..")
                .check(SHARED);
    }
}
