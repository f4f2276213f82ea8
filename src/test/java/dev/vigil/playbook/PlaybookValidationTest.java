package dev.vigil.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookValidationTest {

    @TempDir
    Path dir;

    private static final String SSH = """
            id: ssh
            version: "1"
            title: SSH to GitHub
            covers: [Behavior:EC2/NetworkPortUnusual]
            rules:
              - id: github-ssh
                when: ip.inlist('github-git') && finding.port == 22
                disposition: expected
                summary: GitHub
              - id: wrong-type
                when: remote.port == 'twenty-two'
                raise: high
                summary: typed
                sumary: misspelt
              - id: lowers-without-being-benign
                when: finding.port == 443
                lower: low
                summary: lowered
            suppressions:
              - id: old-ticket
                when: "true"
                disposition: acknowledged
                reason: tracked
                owner: me
                expires: 2027-13-45
                owner: you
            """;

    private static final String TOR = """
            id: tor-override
            version: "1"
            title: Tor
            covers: ["*:*/Tor*"]
            questions:
              - id: exit
                text: Is it an exit?
                answer: answer(ip.listLoaded('tor-exits'), remote.ipp)
            steps:
              triage:
                - "Call {{contcat}}"
            """;

    @Test
    void everyErrorOfEveryFileIsReportedAtOnceSortedByPlaceWithCodesAndHints() throws IOException {
        Files.writeString(dir.resolve("ssh.yaml"), SSH);
        Files.writeString(dir.resolve("tor.yaml"), TOR);

        List<String> errors = Playbooks.check(List.of(dir)).stream().map(PlaybookError::toString).toList();

        String ssh = dir.resolve("ssh.yaml").toString();
        String tor = dir.resolve("tor.yaml").toString();
        assertThat(errors).containsExactly(
                ssh + ":7:14: playbook_unknown_function: rule \"github-ssh\": unknown function \"inlist\"; did you mean \"inList\"?",
                ssh + ":11:23: playbook_type_error: rule \"wrong-type\": found no matching overload for '_==_' applied to"
                        + " '(int, string)' (candidates: (%A0, %A0)) in \"remote.port == 'twenty-two'\"",
                ssh + ":14:5: playbook_unknown_key: unknown key \"sumary\" in rule; did you mean \"summary\"?"
                        + " (keys: id, when, benign, raise, lower, disposition, summary, evidence)",
                ssh + ":17:12: playbook_lower_not_benign: rule \"lowers-without-being-benign\": only a rule that finds the"
                        + " activity legitimate may lower the severity: add \"benign: true\" if it does, or use raise",
                ssh + ":25:14: playbook_bad_date: suppression \"old-ticket\": expires \"2027-13-45\" is not a date: write it"
                        + " as YYYY-MM-DD, e.g. 2027-06-30",
                ssh + ":26:5: playbook_duplicate_key: duplicate key \"owner\" (first at line 24): keep one of them",
                tor + ":8:48: playbook_unknown_variable: question \"exit\": unknown variable \"remote.ipp\"; did you mean \"remote.ip\"?",
                tor + ":11:7: playbook_unknown_placeholder: playbook \"tor-override\": step triage-1: unknown placeholder"
                        + " {{contcat}}; did you mean \"contact\"? (use a fact such as {{contact}}, a variable such as"
                        + " {{remote.ip}}, or an evidence name)");
    }

    @Test
    void loadingInvalidPlaybooksThrowsWithEveryError() throws IOException {
        Files.writeString(dir.resolve("ssh.yaml"), SSH);
        assertThatThrownBy(() -> Playbooks.load(List.of(dir)))
                .isInstanceOf(PlaybookException.class)
                .satisfies(e -> assertThat(((PlaybookException) e).errors()).hasSize(6));
    }

    @Test
    void twoPlaybooksCoveringTheSameTypeAreRejectedWithAHint() throws IOException {
        Files.writeString(dir.resolve("tor.yaml"), """
                id: tor-override
                version: "1"
                title: Tor
                covers: ["*:*/Tor*"]
                """);
        assertThat(Playbooks.check(List.of(dir))).extracting(PlaybookError::toString).containsExactly(
                dir.resolve("tor.yaml") + ":1:1: playbook_overlapping_covers: playbook \"tor-override\" and playbook \"tor\""
                        + " (bundled:playbooks/tor.yaml) both cover \"*:*/Tor*\": to replace a bundled playbook, give yours the same id");
    }

    @Test
    void aConditionThatIsNotTrueOrFalseIsRejected() throws IOException {
        Files.writeString(dir.resolve("p.yaml"), """
                id: p
                version: "1"
                title: p
                covers: [Custom:EC2/Thing]
                rules:
                  - id: counts
                    when: size(ip.lists())
                    summary: s
                """);
        assertThat(Playbooks.check(List.of(dir))).extracting(PlaybookError::code).containsExactly("playbook_wrong_result_type");
    }

    @Test
    void aBadCidrLiteralIsReportedAtLoad() throws IOException {
        Files.writeString(dir.resolve("p.yaml"), """
                id: p
                version: "1"
                title: p
                covers: [Custom:EC2/Thing]
                rules:
                  - id: office
                    when: ip.inCidr('10.0.0.0/33')
                    summary: s
                """);
        assertThat(Playbooks.check(List.of(dir))).extracting(PlaybookError::code).containsExactly("playbook_bad_cidr");
    }

    @Test
    void aUserPlaybookWithABundledIdReplacesIt() throws IOException {
        Files.writeString(dir.resolve("tor.yaml"), """
                id: tor
                version: "2.0-local"
                title: Our Tor playbook
                covers: ["*:*/Tor*"]
                rules:
                  - id: always-escalate
                    when: "true"
                    raise: high
                    summary: we escalate every Tor finding
                """);
        Playbooks playbooks = Playbooks.load(List.of(dir));
        Playbook tor = playbooks.forType("UnauthorizedAccess:EC2/TorIPCaller");
        assertThat(tor.version()).isEqualTo("2.0-local");
        assertThat(tor.source()).isEqualTo(dir.resolve("tor.yaml").toString());
        assertThat(playbooks.all()).filteredOn(p -> p.id().equals("tor")).hasSize(1);
    }

    @Test
    void aUserPlaybookAddsCoverageForANewType() throws IOException {
        Files.writeString(dir.resolve("bitcoin.yaml"), """
                id: crypto-mining
                version: "1"
                title: Crypto mining
                covers: ["CryptoCurrency:*"]
                """);
        Playbooks playbooks = Playbooks.load(List.of(dir));
        assertThat(playbooks.forType("CryptoCurrency:EC2/BitcoinTool.B!DNS").id()).isEqualTo("crypto-mining");
        assertThat(playbooks.forType("Behavior:EC2/NetworkPortUnusual").id()).isEqualTo("network-port-unusual");
    }
}
