package dev.vigil.triage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Verdicts of every shape for comparing hand-written JSON with Jackson's: strings with characters that need escapes
 * (quotes, backslashes, control characters), non-ASCII text of 2 and 3 UTF-8 bytes, surrogate pairs and lone halves;
 * nulls wherever a record allows them; evidence of every type triage produces and some it does not.
 */
public final class VerdictArbitraries {

    private VerdictArbitraries() {
    }

    public static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withChars("\"\\/\n\t\b\f\r\u0000\u0001\u001f\u007f\u0080\u07ff\u0800\u2028é中\uffff?\u0100\u00ff"
                        + "\ud83d\ude00\ud83d\ude00aZ 0".toCharArray()).ofMaxLength(30),
                Arbitraries.of("", "i-0583679375720ad84", "raise:high", "Shenzhen Tencent Computer Systems Company Limited"));
    }

    private static Arbitrary<String> maybeTexts() {
        return texts().injectNull(0.2);
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-70_000_000_000L, 300_000_000_000L)
                        .flatMap(seconds -> Arbitraries.of(0, 1, 603_000_000, 603_100_000, 603_100_001, 999_999_999)
                                .map(nanos -> Instant.ofEpochSecond(seconds, nanos))),
                Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH));
    }

    private static Arbitrary<Object> evidenceValues(int depth) {
        Arbitrary<Object> leaves = Arbitraries.oneOf(
                texts().map(text -> (Object) text),
                Arbitraries.longs().map(number -> (Object) number),
                Arbitraries.integers().map(number -> (Object) number),
                Arbitraries.of(true, false).map(yes -> (Object) yes),
                Arbitraries.doubles().map(number -> (Object) number),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e21, 1.5).map(number -> (Object) number),
                instants().map(instant -> (Object) instant),
                Arbitraries.just(null));
        if (depth == 0) {
            return leaves;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, leaves),
                net.jqwik.api.Tuple.of(1, evidenceValues(depth - 1).list().ofMaxSize(4).map(list -> (Object) list)),
                net.jqwik.api.Tuple.of(1, evidenceMaps(depth - 1).map(map -> (Object) map)));
    }

    private static Arbitrary<Map<String, Object>> evidenceMaps(int depth) {
        return Combinators.combine(texts().list().ofMaxSize(4), evidenceValues(depth).list().ofSize(4))
                .as((names, values) -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        map.put(names.get(i), values.get(i));
                    }
                    return map;
                });
    }

    private static Arbitrary<RuleHit> ruleHits() {
        // the effect is never null: decidedBy reads it
        Arbitrary<String> effects = Arbitraries.oneOf(texts(), Arbitraries.of("suppress:false_positive", "raise:high",
                "lower:low", "disposition:escalate", "disposition:expected", "expired", "note"));
        return Combinators.combine(maybeTexts(), effects, maybeTexts(), evidenceMaps(2).injectNull(0.1))
                .as(RuleHit::new);
    }

    private static Arbitrary<Answer> answers() {
        return Combinators.combine(maybeTexts(), maybeTexts(), maybeTexts(), maybeTexts()).as(Answer::new);
    }

    private static Arbitrary<Facts> facts() {
        return Combinators.combine(maybeTexts().list().ofSize(9), Arbitraries.integers().injectNull(0.3),
                        instants().injectNull(0.2), instants().injectNull(0.2), maybeTexts())
                .as((texts, port, first, last, direction) -> new Facts(texts.get(0), texts.get(1), texts.get(2),
                        texts.get(3), texts.get(4), texts.get(5), texts.get(6), port, texts.get(7), texts.get(8), first,
                        last, direction));
    }

    private static Arbitrary<Step> steps() {
        return Combinators.combine(maybeTexts(), maybeTexts(), maybeTexts()).as(Step::new);
    }

    public static Arbitrary<Verdict> verdicts() {
        Arbitrary<List<String>> heads = maybeTexts().list().ofSize(5);
        // a verdict always has a disposition: decidedBy reads it
        Arbitrary<Disposition> dispositions = Arbitraries.of(Disposition.class);
        Arbitrary<Level> levels = Arbitraries.of(Level.class).injectNull(0.1);
        return Combinators.combine(heads, dispositions, levels, ruleHits().list().ofMaxSize(4),
                        answers().list().ofMaxSize(4), facts().injectNull(0.1), texts().list().ofMaxSize(3),
                        steps().list().ofMaxSize(3))
                .as((head, disposition, level, rules, questions, facts, nextSteps, checklist) -> new Verdict(
                        head.get(0), head.get(1), head.get(2), disposition, level, head.get(3), "1.0", rules, questions,
                        facts, nextSteps, checklist, head.get(4)));
    }
}
