package dev.vigil.triage;

import dev.vigil.finding.Finding;
import dev.vigil.intel.Intel;
import dev.vigil.playbook.Expression;
import dev.vigil.playbook.FindingScope;
import dev.vigil.playbook.Playbook;
import dev.vigil.playbook.PlaybookStep;
import dev.vigil.playbook.Playbooks;
import dev.vigil.playbook.Question;
import dev.vigil.playbook.Rule;
import dev.vigil.playbook.Suppression;
import dev.vigil.playbook.Template;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides every finding the way the playbooks say, and says why.
 *
 * <ol>
 *   <li>Suppressions, global ones first, then the type's playbook's: the first that holds and has not expired decides
 *       the disposition ({@code false_positive} or {@code acknowledged}); one that holds but has expired leaves an
 *       {@code expired} rule hit and no longer applies.</li>
 *   <li>Otherwise the rules (global, then the playbook's, in order). Severity starts from GuardDuty's band (critical counts
 *       as high); rules raise it; a benign rule lowers it, unless a rule raised it to high (a high-risk criterion that a
 *       benign explanation does not clear). High means escalate; else the strongest disposition a rule set
 *       (escalate, investigate, expected); else investigate.</li>
 *   <li>The playbook's questions are answered yes, no or unknown; facts, next steps and the checklist are filled in.</li>
 * </ol>
 * History: after deciding, the finding is recorded in {@code intel.history()}, so "seen before" means seen earlier in
 * the input (or in the case store). Deterministic for the same input, config and clock. Thread-safe if the intel is.
 */
public final class TriageEngine {

    public static final Duration DEFAULT_HISTORY_WINDOW = Duration.ofHours(24);

    private final Playbooks playbooks;
    private final Intel intel;
    private final Clock clock;
    private final Duration historyWindow;
    private final boolean checklists;

    public TriageEngine(Playbooks playbooks, Intel intel, Clock clock) {
        this(playbooks, intel, clock, DEFAULT_HISTORY_WINDOW);
    }

    public TriageEngine(Playbooks playbooks, Intel intel, Clock clock, Duration historyWindow) {
        this(playbooks, intel, clock, historyWindow, true);
    }

    /**
     * @param checklists whether verdicts carry the filled-in checklist (every step of the playbook); output that does not
     *                   show it (the CLI's table and ndjson without --explain) saves filling it in for every finding
     */
    public TriageEngine(Playbooks playbooks, Intel intel, Clock clock, Duration historyWindow, boolean checklists) {
        this.playbooks = Objects.requireNonNull(playbooks, "playbooks");
        this.intel = Objects.requireNonNull(intel, "intel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.historyWindow = Objects.requireNonNull(historyWindow, "historyWindow");
        this.checklists = checklists;
    }

    public Playbooks playbooks() {
        return playbooks;
    }

    /** Decides one finding and then records it in the history. */
    public Verdict triage(Finding finding) {
        Verdict verdict = decide(finding);
        intel.history().record(finding);
        return verdict;
    }

    private Verdict decide(Finding finding) {
        FindingScope scope = new FindingScope(finding, intel, clock, historyWindow);
        Playbook playbook = playbooks.forType(finding.type().name());
        LocalDate today = scope.today();
        List<RuleHit> hits = new ArrayList<>();
        Facts facts = AssessmentFacts.of(scope);
        Function<String, Object> values = name -> AssessmentFacts.value(name, facts, scope);

        Suppression applied = null;
        for (Playbook source : withGlobal(playbook)) {
            for (Suppression suppression : source.suppressions()) {
                if (applied != null || !holds(suppression.id(), suppression.when(), scope, hits)) {
                    continue;
                }
                if (suppression.expiredOn(today)) {
                    hits.add(expired(suppression));
                } else {
                    applied = suppression;
                    hits.add(suppressed(suppression, scope, hits));
                }
            }
        }

        Level band = Level.of(finding.severity().label());
        Level severity = band;
        Disposition disposition;
        if (applied != null) {
            disposition = applied.disposition();
        } else {
            List<Rule> fired = new ArrayList<>();
            for (Playbook source : withGlobal(playbook)) {
                for (Rule rule : source.rules()) {
                    if (holds(rule.id(), rule.when(), scope, hits)) {
                        fired.add(rule);
                    }
                }
            }
            Level raised = band;
            Rule raisedToHigh = null;
            Level lowerTo = null;
            for (Rule rule : fired) {
                if (rule.raise() != null) {
                    raised = raised.max(rule.raise());
                    if (rule.raise() == Level.HIGH && raisedToHigh == null) {
                        raisedToHigh = rule;
                    }
                }
                if (rule.benign() && rule.lower() != null) {
                    lowerTo = lowerTo == null || rule.lower().compareTo(lowerTo) < 0 ? rule.lower() : lowerTo;
                }
            }
            severity = raised;
            if (lowerTo != null && raisedToHigh == null && lowerTo.compareTo(raised) < 0) {
                severity = lowerTo;
            }
            Disposition strongest = null;
            for (Rule rule : fired) {
                Map<String, Object> evidence = evidence(rule.id(), rule.evidence(), scope, hits);
                String summary = rule.summary().render(name -> evidence.containsKey(name) ? evidence.get(name) : values.apply(name));
                if (rule.benign() && rule.lower() != null) {
                    if (raisedToHigh != null) {
                        summary += " (severity not lowered: rule " + raisedToHigh.id() + " raised it to high)";
                    } else if (severity.compareTo(raised) < 0) {
                        summary += " (severity lowered from " + raised.id() + " to " + severity.id() + ")";
                        evidence.put("severityLoweredFrom", raised.id());
                    }
                }
                hits.add(new RuleHit(rule.id(), rule.effect(), summary, evidence));
                if (rule.disposition() != null && (strongest == null || rule.disposition().compareTo(strongest) > 0)) {
                    strongest = rule.disposition();
                }
            }
            disposition = severity == Level.HIGH ? Disposition.ESCALATE : strongest != null ? strongest : Disposition.INVESTIGATE;
        }

        List<Answer> answers = new ArrayList<>();
        for (Question question : playbook.questions()) {
            answers.add(answer(question, scope, hits));
        }
        List<Template> stepTemplates = nextSteps(playbook, disposition);
        List<String> nextSteps = new ArrayList<>(stepTemplates.size());
        for (Template template : stepTemplates) {
            nextSteps.add(template.render(values));
        }
        List<Step> checklist = new ArrayList<>();
        for (PlaybookStep step : checklists ? playbook.steps() : List.<PlaybookStep>of()) {
            checklist.add(new Step(step.id(), step.phase(), step.text().render(values)));
        }
        String caseKey = CaseKeys.of(playbook, scope, hits);
        return new Verdict(finding.id(), finding.type().name(), finding.accountId(), disposition, severity, playbook.id(),
                playbook.version(), hits, answers, facts, nextSteps, checklist, caseKey);
    }

    private List<Playbook> withGlobal(Playbook playbook) {
        List<Playbook> sources = new ArrayList<>(playbooks.global());
        sources.add(playbook);
        return sources;
    }

    private static boolean holds(String id, Expression condition, FindingScope scope, List<RuleHit> hits) {
        try {
            return condition.test(scope);
        } catch (Expression.EvaluationException e) {
            hits.add(new RuleHit(id, "error", e.getMessage(), Map.of()));
            return false;
        }
    }

    private static Map<String, Object> evidence(String id, Map<String, Expression> expressions, FindingScope scope,
                                                List<RuleHit> hits) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        // forEach rather than the entry set: the playbook's unmodifiable map wraps every entry it iterates
        expressions.forEach((name, expression) -> {
            Object value = evidenceValue(id, expression, scope, hits);
            if (value != null) {
                evidence.put(name, value);
            }
        });
        return evidence;
    }

    /** An evidence expression's value; null when it is empty text or fails (the failure is a hit of its own). */
    private static Object evidenceValue(String id, Expression expression, FindingScope scope, List<RuleHit> hits) {
        try {
            Object value = expression.evaluate(scope);
            return "".equals(value) ? null : value;
        } catch (Expression.EvaluationException e) {
            hits.add(new RuleHit(id, "error", e.getMessage(), Map.of()));
            return null;
        }
    }

    private static RuleHit suppressed(Suppression suppression, FindingScope scope, List<RuleHit> hits) {
        Map<String, Object> evidence = evidence(suppression.id(), suppression.evidence(), scope, hits);
        evidence.put("owner", suppression.owner());
        if (suppression.reference() != null) {
            evidence.put("reference", suppression.reference());
        }
        if (suppression.expires() != null) {
            evidence.put("expires", suppression.expires().toString());
        }
        String summary = suppression.reason()
                + (suppression.reference() == null ? "" : " (" + suppression.reference() + ")")
                + (suppression.expires() == null ? "" : "; applies until " + suppression.expires());
        return new RuleHit(suppression.id(), "suppress:" + suppression.disposition().id(), summary, evidence);
    }

    private static RuleHit expired(Suppression suppression) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("expired", suppression.expires().toString());
        evidence.put("owner", suppression.owner());
        if (suppression.reference() != null) {
            evidence.put("reference", suppression.reference());
        }
        String summary = "suppression " + suppression.id()
                + (suppression.reference() == null ? "" : " (" + suppression.reference() + ")") + " expired on "
                + suppression.expires() + " and no longer applies: " + suppression.reason();
        return new RuleHit(suppression.id(), "expired", summary, evidence);
    }

    private static Answer answer(Question question, FindingScope scope, List<RuleHit> hits) {
        String answer;
        try {
            Object value = question.answer().evaluate(scope);
            answer = value instanceof Boolean yes ? (yes ? "yes" : "no") : String.valueOf(value);
            if (!answer.equals("yes") && !answer.equals("no") && !answer.equals("unknown")) {
                hits.add(new RuleHit(question.id(), "error", "question " + question.id() + " answered \"" + answer
                        + "\": an answer is yes, no or unknown", Map.of()));
                answer = "unknown";
            }
        } catch (Expression.EvaluationException e) {
            hits.add(new RuleHit(question.id(), "error", e.getMessage(), Map.of()));
            answer = "unknown";
        }
        // the evidence goes straight into its text ("name=value; name=value"), with no map in between
        StringBuilder shown = new StringBuilder(64);
        question.evidence().forEach((name, expression) -> {
            Object value = evidenceValue(question.id(), expression, scope, hits);
            if (value == null) {
                return;
            }
            shown.append(shown.length() == 0 ? "" : "; ").append(name).append('=');
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    shown.append(i == 0 ? "" : ", ").append(list.get(i));
                }
            } else {
                shown.append(value);
            }
        });
        return new Answer(question.id(), question.text(), answer, shown.length() == 0 ? null : shown.toString());
    }

    private List<Template> nextSteps(Playbook playbook, Disposition disposition) {
        List<Template> steps = playbook.nextSteps().get(disposition);
        if (steps != null) {
            return steps;
        }
        for (Playbook global : playbooks.global()) {
            List<Template> fallback = global.nextSteps().get(disposition);
            if (fallback != null) {
                return fallback;
            }
        }
        return List.of();
    }

}
