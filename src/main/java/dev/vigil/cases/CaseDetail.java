package dev.vigil.cases;

import dev.vigil.triage.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code vigil cases show} prints about a case.
 *
 * @param verdict the verdict of its most severe, most recent finding: facts, rules with evidence, questions
 * @param resources affected resources by kind ({@code instance}, {@code access-key}, ...), at most 50 each
 * @param resourceCounts how many affected resources of each kind in all
 * @param recentFindings its most severe, most recent findings (at most 10)
 * @param timeline the opening, every transition, note and checked step, and the first and last few findings that joined
 *                 or were updated
 * @param findingEvents how many findings joined or were updated after it opened (the timeline shows the first and last few)
 */
public record CaseDetail(CaseSummary summary, Verdict verdict, Map<String, List<String>> resources,
                         Map<String, Long> resourceCounts, List<CaseFinding> recentFindings, List<ChecklistItem> checklist,
                         List<TimelineEntry> timeline, long findingEvents, CaseMetrics metrics) {

    public CaseDetail {
        resources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
        resourceCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resourceCounts));
        recentFindings = List.copyOf(recentFindings);
        checklist = List.copyOf(checklist);
        timeline = List.copyOf(timeline);
    }
}
