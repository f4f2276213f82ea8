package dev.vigil.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.finding.Finding;
import dev.vigil.ingest.FindingReader;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.Intel;
import dev.vigil.intel.VigilConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The macros all, exists and filter run as lambdas and give what CEL's interpreter gives, failures included. */
class LambdaMacrosTest {

    private static final String PROBE = "{\"id\":\"probe-1\",\"type\":\"Recon:EC2/PortProbeUnprotectedPort\",\"severity\":5,"
            + "\"accountId\":\"123456789012\",\"createdAt\":\"2026-11-01T00:00:00Z\",\"resource\":{\"instanceDetails\":"
            + "{\"instanceId\":\"i-1\"}},\"service\":{\"action\":{\"actionType\":\"PORT_PROBE\",\"portProbeAction\":"
            + "{\"portProbeDetails\":[{\"localPortDetails\":{\"port\":22}},{\"localPortDetails\":{\"port\":3389}},"
            + "{\"localPortDetails\":{\"port\":80}}]}}}}";

    private final FindingScope scope = scope();

    private static FindingScope scope() {
        Finding finding = FindingReader.detecting().parseOne(PROBE);
        Intel intel = VigilConfig.load(Path.of("examples/vigil.yaml")).intel(new InMemoryHistory());
        return new FindingScope(finding, intel, Clock.systemUTC(), Duration.ofHours(24));
    }

    private static Expression compile(String text) {
        List<PlaybookError> errors = new ArrayList<>();
        Expression expression = ExpressionCompiler.instance().compile(text, ExpressionCompiler.Expected.ANY, errors)
                .orElseThrow(() -> new AssertionError(text + ": " + errors));
        assertThat(expression.compiledToLambdas()).as(text + " runs as lambdas").isTrue();
        return expression;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "probe.ports.exists(p, p == 3389)",
            "probe.ports.exists(p, p == 443)",
            "probe.ports.all(p, p > 0)",
            "probe.ports.all(p, p < 1000)",
            "probe.ports.filter(p, p != 22)",
            "probe.ports.filter(p, !(p in instance.exposedPorts()))",
            "size(probe.ports) > 0 && probe.ports.all(p, p in instance.exposedPorts())",
            "probe.ports.exists(p, probe.ports.all(q, q >= p))",
            "probe.ports.filter(p, probe.ports.exists(q, q > p))",
            "[1, 2, 3].filter(x, x > 1)",
            "[].all(x, x == 1)",
            "[].exists(x, x == 1)",
            "['a', 'b'].exists(remote, remote == 'b')",
            "['a', 1].exists(x, x > 0)",
            "['a', 1].all(x, x > 5)"})
    void aMacroGivesWhatCelGives(String text) {
        Expression expression = compile(text);
        assertThat(expression.evaluate(scope)).isEqualTo(expression.evaluateWithCel(scope));
    }

    @Test
    void theFilteredPortsAreTheProbedOnesInTheirOrder() {
        assertThat(compile("probe.ports.filter(p, p != 22)").evaluate(scope)).isEqualTo(List.of(80L, 3389L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"['a', 1].all(x, x > 0)", "['a', 1].exists(x, x > 5)", "['a', 1].filter(x, x > 0)"})
    void aMacroFailsWhereCelFails(String text) {
        Expression expression = compile(text);
        assertThatThrownBy(() -> expression.evaluateWithCel(scope)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> expression.evaluate(scope)).isInstanceOf(Expression.EvaluationException.class)
                .hasMessageContaining(text);
    }

    @Test
    void everyBundledExpressionRunsAsLambdasSoARunNeverBuildsCelsRuntime() {
        List<String> interpreted = Playbooks.load(List.of()).expressions().stream()
                .filter(expression -> !expression.compiledToLambdas()).map(Expression::text).toList();
        assertThat(interpreted).isEmpty();
    }
}
