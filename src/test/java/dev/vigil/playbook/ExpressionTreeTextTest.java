package dev.vigil.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.parser.CelStandardMacro;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExpressionTreeTextTest {

    private static final Cel PARSER = CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS).build();

    private static CelExpr parse(String text) throws CelValidationException {
        return PARSER.parse(text).getAst().getExpr();
    }

    /** The tree as CEL prints it, without node ids (the text numbers them afresh). */
    private static String withoutIds(CelExpr expr) {
        return expr.toString().replaceAll("\\[\\d+]", "[_]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "finding.port == 22 && ip.inList('github-git') || !account.usesFlux",
            "port.isStandard(8080) ? 'yes' : \"no\"",
            "-9223372036854775808 < 9223372036854775807 && -1 != 0",
            "[0.5, -0.0, 1e300, 4.9e-324, 2.0] == [] && 1.0 / 0.0 > 0.0",
            "'with spaces, a tab\\t, a newline\\n, a backslash \\\\ and \\'quotes\\'' == \"caf\u00e9 \u2603 \uD83D\uDE00\"",
            "size(remote.org) > 3 && remote.org.startsWith('Digital') && 'x'.endsWith('x')",
            "probe.ports.exists(p, probe.ports.all(q, q >= p)) && size(probe.ports.filter(p, p != 22)) == 2",
            "has(instance.tags.team) && instance.tags.team in ['a', 'b']",
            "[true, false, [1, [2]]].exists(x, x == true)",
            "ip.lists() == [] && remote.org != '' && [''] == ['']"})
    void aWrittenTreeReadsBackAsTheSameTree(String text) throws CelValidationException {
        CelExpr parsed = parse(text);
        String written = ExpressionTreeText.write(parsed);
        assertThat(written).isNotNull().doesNotContain("\n").matches("[!-~ ]+");
        CelExpr read = ExpressionTreeText.read(written).orElseThrow();
        assertThat(withoutIds(read)).isEqualTo(withoutIds(parsed));
        assertThat(ExpressionTreeText.write(read)).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'a': 1}['a'] == 1", "1u == 1u", "null == null", "b'abc' == b'abc'", "[?optional.none()]",
            "{'a': 1}.exists(k, v, v > 0)"})
    void aTreeWithAKindTheLambdaFormDoesNotUseIsNotWritten(String text) throws CelValidationException {
        Cel cel = CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setOptions(dev.cel.common.CelOptions.current().enableOptionalSyntax(true).build()).build();
        assertThat(ExpressionTreeText.write(cel.parse(text).getAst().getExpr())).isNull();
    }

    @Test
    void aDamagedTreeIsNotRead() throws CelValidationException {
        String written = ExpressionTreeText.write(parse("finding.port == 22 && ['a', 'b c'].exists(x, x == 'b c')"));
        assertThat(ExpressionTreeText.read(written)).isPresent();
        List<String> damaged = List.of("", " ", written.substring(0, written.length() / 2), written + " i1", written + " ",
                " " + written, written.replace("c_==_ 2", "c_==_ 3"), written.replace("c_==_ 2", "c_==_ -1"),
                written.replace("i22", "i22x"), written.replace("i22", "q22"), written.replace("\\u0020", "\\u00"),
                written.replace("\\u0020", "\\x0020"), written.replace(" ", "  "), "t1", "d12g", "l-1");
        for (String text : damaged) {
            assertThat(ExpressionTreeText.read(text)).as(text).isEmpty();
        }
    }
}
