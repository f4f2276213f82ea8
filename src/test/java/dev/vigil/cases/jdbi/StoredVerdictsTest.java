package dev.vigil.cases.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Json;
import dev.vigil.triage.Verdict;
import dev.vigil.triage.VerdictArbitraries;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The store's verdict JSON, written by hand, is byte for byte what Jackson wrote before (stored verdicts compare). */
class StoredVerdictsTest {

    @Provide
    Arbitrary<Verdict> verdicts() {
        return VerdictArbitraries.verdicts();
    }

    @Property(tries = 1000)
    void storedJsonIsJacksonsJsonWithAnEmptyChecklist(@ForAll("verdicts") Verdict verdict) throws Exception {
        Verdict compact = new Verdict(verdict.findingId(), verdict.type(), verdict.accountId(), verdict.disposition(),
                verdict.severity(), verdict.playbook(), verdict.playbookVersion(), verdict.rules(), verdict.questions(),
                verdict.facts(), verdict.nextSteps(), List.of(), verdict.caseKey());
        assertThat(StoredVerdicts.json(verdict)).isEqualTo(Json.mapper().writeValueAsBytes(compact));
        // the buffer is reused: a second verdict on the same thread is not mixed with the first
        assertThat(StoredVerdicts.json(verdict)).isEqualTo(Json.mapper().writeValueAsBytes(compact));
    }
}
