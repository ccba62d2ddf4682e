package org.sss.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.sss.conformance.archfixture.LeaksCoreDependency;

/**
 * DESIGN.md section 4: the suite is an oracle and must not share bugs with the implementation it
 * judges, so no main class of {@code org.sss.conformance} may use {@code org.sss.core}.
 */
class ConformanceIndependenceTest {

    private static final ArchRule NO_CORE = noClasses()
            .that().resideInAPackage("org.sss.conformance..")
            .should().dependOnClassesThat().resideInAPackage("org.sss.core..")
            .because("the conformance suite reads the spec independently of the reference implementation");

    @Test
    void mainClassesOfTheSuiteDoNotDependOnTheReferenceImplementation() {
        JavaClasses suite = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sss.conformance");

        // An empty import would satisfy any "no classes" rule.
        assertThat(suite.contain(RequirementCatalog.class)).as("main classes were imported").isTrue();
        NO_CORE.check(suite);
    }

    @Test
    void ruleReportsAClassThatUsesTheReferenceImplementation() {
        JavaClasses leaking = new ClassFileImporter().importClasses(LeaksCoreDependency.class);

        assertThat(NO_CORE.evaluate(leaking).hasViolation()).isTrue();
    }
}
