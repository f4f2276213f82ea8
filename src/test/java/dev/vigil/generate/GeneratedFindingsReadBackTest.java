package dev.vigil.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.ingest.FindingReader;
import dev.vigil.ingest.FindingSink;
import dev.vigil.ingest.ReadSummary;
import dev.vigil.ingest.Rejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GeneratedFindingsReadBackTest {

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void everyGeneratedFindingReadsBackWithNoRejectsAndTheSameContentInEveryFormat(OutputFormat format) throws IOException {
        List<Finding> camel = read(OutputFormat.NDJSON);
        List<Finding> findings = read(format);
        assertThat(findings).hasSameSizeAs(camel);
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            Finding reference = camel.get(i);
            assertThat(finding.id()).isEqualTo(reference.id());
            assertThat(finding.type()).isEqualTo(reference.type());
            assertThat(finding.updatedAt()).isEqualTo(reference.updatedAt());
            assertThat(finding.count()).isEqualTo(reference.count());
            assertThat(finding.sample()).isEqualTo(reference.sample());
            assertThat(finding.resource()).isEqualTo(reference.resource());
            assertThat(finding.action()).isEqualTo(reference.action());
        }
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void networkFindingsKeepTheirRemoteEndpointAndPortProbesTheirProbes(OutputFormat format) throws IOException {
        List<Finding> findings = read(format);
        assertThat(findings).anyMatch(finding -> finding.action() instanceof Action.NetworkConnection
                && finding.remote().isPresent());
        assertThat(findings).anyMatch(finding -> finding.action() instanceof Action.PortProbe);
        assertThat(findings).anyMatch(finding -> finding.action() instanceof Action.AwsApiCall);
        assertThat(findings).anyMatch(finding -> finding.action() instanceof Action.DnsRequest);
        assertThat(findings).anyMatch(finding -> finding.action() instanceof Action.KubernetesApiCall);
        assertThat(findings).anyMatch(Finding::sample);
    }

    private static List<Finding> read(OutputFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FindingGenerator(11, FindingGenerator.DEFAULT_START).write(1500, format, out);
        List<Finding> findings = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        ReadSummary summary = FindingReader.detecting().read("generated." + format, new ByteArrayInputStream(out.toByteArray()),
                new FindingSink() {
                    @Override
                    public void accept(Finding finding) {
                        findings.add(finding);
                    }

                    @Override
                    public void reject(Rejection rejection) {
                        rejects.add(rejection.message());
                    }
                });
        assertThat(rejects).isEmpty();
        assertThat(summary.accepted()).isEqualTo(1500);
        return findings;
    }
}
