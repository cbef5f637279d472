package dev.iamsteward;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.iamsteward.account.AccountSettings;
import dev.iamsteward.account.TargetAccounts;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The dependency rules of the code base, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.iamsteward");

    private static final String PORT = "dev.iamsteward.iam";
    private static final String[] ADAPTERS = {"dev.iamsteward.iam.aws..", "dev.iamsteward.iam.memory.."};

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("dev.iamsteward.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** Every package is its own slice, so a sub-package and its parent (webhook, webhook.inbound) form no cycle. */
    @Test
    void allPackagesAreFreeOfCycles() {
        slices().matching("dev.iamsteward.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyTheAwsAdaptersTalkToTheAwsSdk() {
        noClasses().that().resideOutsideOfPackages("dev.iamsteward.iam.aws..", "dev.iamsteward.credential.aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(MAIN);
    }

    @Test
    void theIamPortDoesNotKnowItsAdapters() {
        noClasses().that().resideInAPackage(PORT).should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(MAIN);
    }

    @Test
    void theIamPortAndItsAdaptersKnowNothingOfTheServiceAroundThem() {
        classes().that().resideInAPackage(PORT + "..").should().onlyDependOnClassesThat(
                resideInAnyPackage(PORT + "..", "dev.iamsteward.common..")
                        .or(resideOutsideOfPackage("dev.iamsteward..")))
                .check(MAIN);
    }

    @Test
    void theAdaptersDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.iamsteward.iam.aws..")
                .should().dependOnClassesThat().resideInAPackage("dev.iamsteward.iam.memory..").check(MAIN);
        noClasses().that().resideInAPackage("dev.iamsteward.iam.memory..")
                .should().dependOnClassesThat().resideInAPackage("dev.iamsteward.iam.aws..").check(MAIN);
    }

    /** Only the wiring of the target accounts builds adapters; everything else reaches IAM through the port. */
    @Test
    void adaptersAreOnlyReachedThroughThePort() {
        noClasses().that().resideOutsideOfPackages(ADAPTERS)
                .and().doNotHaveFullyQualifiedName(TargetAccounts.class.getName())
                .and().doNotHaveFullyQualifiedName(AccountSettings.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(MAIN);
    }

    @Test
    void resourcesAreNotTransactional() {
        noClasses().that().areAnnotatedWith(Path.class).should().beAnnotatedWith(Transactional.class).check(MAIN);
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .should().beAnnotatedWith(Transactional.class).check(MAIN);
    }
}
