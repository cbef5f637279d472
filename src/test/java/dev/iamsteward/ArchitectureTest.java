package dev.iamsteward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The dependency rules of the code base, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.iamsteward");

    @Test
    void onlyTheAwsAdaptersTalkToTheAwsSdk() {
        noClasses().that().resideOutsideOfPackages("dev.iamsteward.iam.aws..", "dev.iamsteward.credential.aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(MAIN);
    }

    @Test
    void businessLogicDoesNotKnowTheAdapters() {
        noClasses().that().resideOutsideOfPackage("dev.iamsteward.iam..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.iamsteward.iam.aws..",
                        "dev.iamsteward.iam.memory..")
                .check(MAIN);
    }

    @Test
    void resourcesAreNotTransactional() {
        noClasses().that().areAnnotatedWith(Path.class).should().beAnnotatedWith(Transactional.class).check(MAIN);
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .should().beAnnotatedWith(Transactional.class).check(MAIN);
    }

    @Test
    void theIamPortKnowsNothingOfTheServiceAroundIt() {
        noClasses().that().resideInAPackage("dev.iamsteward.iam..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.iamsteward.request..",
                        "dev.iamsteward.approval..", "dev.iamsteward.execution..", "dev.iamsteward.user..")
                .check(MAIN);
    }
}
