package dev.iamsteward;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.iamsteward.account.AccountSettings;
import dev.iamsteward.account.TargetAccounts;
import dev.iamsteward.request.AccessRequest;
import dev.iamsteward.request.ApprovedRequests;
import dev.iamsteward.request.RequestService;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The dependency rules of the code base, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.iamsteward");

    private static final String PORT = "dev.iamsteward.iam";
    private static final String[] ADAPTERS = {"dev.iamsteward.iam.aws..", "dev.iamsteward.iam.memory.."};

    private static final String REQUEST = AccessRequest.class.getPackageName();

    /** The static methods Panache gives an entity: its queries, updates, deletions and its entity manager. */
    private static final Set<String> PANACHE_STATICS = Arrays.stream(PanacheEntityBase.class.getDeclaredMethods())
            .filter(m -> Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()))
            .map(Method::getName).collect(Collectors.toUnmodifiableSet());

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

    /**
     * The request package owns how requests are stored: other packages ask it ({@code Requests}, {@code
     * RequestAccess}) instead of querying a request entity themselves, with Panache or their entity manager.
     */
    @Test
    void onlyTheRequestPackageQueriesRequests() {
        noClasses().that().resideOutsideOfPackage(REQUEST)
                .should().callMethodWhere(DescribedPredicate.describe("a Panache query of a request entity",
                        (JavaMethodCall call) -> call.getTargetOwner().getPackageName().equals(REQUEST)
                                && call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)
                                && PANACHE_STATICS.contains(call.getName())))
                .orShould(referToTheClassObjectOf(AccessRequest.class))
                .check(MAIN);
    }

    /** A request changes only through its own methods, which refuse what its state does not allow. */
    @Test
    void onlyTheRequestPackageSetsTheFieldsOfRequests() {
        noClasses().that().resideOutsideOfPackage(REQUEST)
                .should().setFieldWhere(DescribedPredicate.describe("a field of the request package",
                        (JavaFieldAccess access) -> access.getTargetOwner().getPackageName().equals(REQUEST)))
                .check(MAIN);
    }

    /**
     * An approved request reaches execution through one typed call, made by the request service where a request
     * becomes APPROVED, in that transaction; nothing else queues an execution.
     */
    @Test
    void onlyTheRequestServiceHandsApprovedRequestsToExecution() {
        noClasses().that().doNotHaveFullyQualifiedName(RequestService.class.getName())
                .should().callMethodWhere(DescribedPredicate.describe("ApprovedRequests.execute",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(ApprovedRequests.class)
                                && call.getName().equals("execute")))
                .check(MAIN);
    }

    private static ArchCondition<JavaClass> referToTheClassObjectOf(Class<?> type) {
        return new ArchCondition<>("refer to " + type.getSimpleName() + ".class") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getReferencedClassObjects().stream().filter(r -> r.getRawType().isEquivalentTo(type))
                        .forEach(r -> events.add(SimpleConditionEvent.satisfied(item, r.getOwner().getFullName()
                                + " refers to " + type.getSimpleName() + ".class in " + r.getSourceCodeLocation())));
            }
        };
    }
}
