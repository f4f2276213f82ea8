package dev.vigil.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Finding;
import dev.vigil.ingest.FindingReader;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.Rejection;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.Intel;
import dev.vigil.intel.VigilConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaCompilerTest {

    @Test
    void everyBundledExpressionGivesTheSameValueAsTheCelInterpreterOnEveryExampleFinding() throws IOException {
        List<Finding> findings = new ArrayList<>();
        FindingReader.detecting().read(List.of("examples/findings"), new FindingSink() {
            @Override
            public void accept(Finding finding) {
                findings.add(finding);
            }

            @Override
            public void reject(Rejection rejection) {
            }
        });
        Intel intel = VigilConfig.load(Path.of("examples/vigil.yaml")).intel(new InMemoryHistory());
        List<Expression> expressions = Playbooks.load(List.of(Path.of("examples/playbooks"))).expressions();
        assertThat(findings).hasSizeGreaterThan(20);
        long compiled = expressions.stream().filter(Expression::compiledToLambdas).count();
        assertThat(compiled).as("most expressions run as lambdas").isGreaterThan(expressions.size() * 8 / 10);

        for (Finding finding : findings) {
            FindingScope scope = new FindingScope(finding, intel, Clock.systemUTC(), Duration.ofHours(24));
            for (Expression expression : expressions) {
                assertThat(expression.evaluate(scope)).as(expression.text() + " on " + finding.id())
                        .isEqualTo(expression.evaluateWithCel(scope));
            }
            intel.history().record(finding);
        }
    }
}
