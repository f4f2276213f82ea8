package dev.vigil.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.VigilConfig;
import dev.vigil.playbook.Playbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseKeyTest {

    @TempDir
    Path dir;

    private Verdict triage(Playbooks playbooks, Map<String, Object> finding) {
        TriageEngine engine = new TriageEngine(playbooks, VigilConfig.defaults().intel(new InMemoryHistory()), Clock.systemUTC());
        return engine.triage(CompactFinding.of(finding, 1));
    }

    @Test
    void networkFindingsGroupByAccountTypeAndRemoteEndpointByDefault() {
        Verdict verdict = triage(Playbooks.bundled(), Map.of("base", "tor-ip-caller", "remoteIp", "198.51.100.5"));
        assertThat(verdict.caseKey()).isEqualTo("444455556666|UnauthorizedAccess:EC2/TorIPCaller|198.51.100.5:22");
    }

    @Test
    void otherFindingsGroupByAccountTypeAndResourceByDefault() {
        Verdict verdict = triage(Playbooks.bundled(), Map.of("base", "other"));
        assertThat(verdict.caseKey()).isEqualTo("444455556666|CryptoCurrency:EC2/BitcoinTool.B!DNS|i-0aaaabbbbccccdddd");
    }

    @Test
    void aPlaybookGroupsByTheFieldsItNames() {
        Verdict verdict = triage(Playbooks.bundled(), Map.of("base", "port-probe"));
        assertThat(verdict.caseKey()).isEqualTo("777788889999|Recon:EC2/PortProbeUnprotectedPort|i-0fedcba9876543210");
    }

    @Test
    void aPlaybookMayGroupByAnExpression() throws IOException {
        Files.writeString(dir.resolve("mining.yaml"), """
                id: mining
                version: "1"
                title: Mining
                covers: ["CryptoCurrency:*"]
                group-by: "[finding.accountId, finding.region]"
                """);
        Verdict verdict = triage(Playbooks.load(List.of(dir)), Map.of("base", "other"));
        assertThat(verdict.caseKey()).isEqualTo("444455556666|us-east-1");
    }
}
