package dev.vigil.intel.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.finding.Organization;
import dev.vigil.intel.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MaxMind's published ASN test database: its .source.json says which networks are inside. */
class MaxMindOrganizationsTest {

    @Test
    void everyNetworkTheSourceListsAnswersWithItsAsnAndOrganization() throws IOException {
        Path database = Corpus.file("mmdb/GeoLite2-ASN-Test.mmdb");
        JsonNode source = new ObjectMapper().readTree(Corpus.file("mmdb/GeoLite2-ASN-Test.source.json").toFile());
        MaxMindOrganizations organizations = MaxMindOrganizations.open(database);

        int checked = 0;
        for (JsonNode entry : source) {
            Map.Entry<String, JsonNode> network = entry.fields().next();
            String firstAddress = network.getKey().substring(0, network.getKey().indexOf('/'));
            JsonNode expected = network.getValue();
            Organization organization = organizations.lookup(firstAddress).orElseThrow(
                    () -> new AssertionError(firstAddress + " is not in the database"));
            assertThat(organization.asn()).as(firstAddress).isEqualTo(expected.get("autonomous_system_number").asText());
            if (expected.has("autonomous_system_organization")) {
                assertThat(organization.asnOrg()).as(firstAddress)
                        .isEqualTo(expected.get("autonomous_system_organization").asText());
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(organizations.lookup("1.0.0.1")).contains(new Organization("15169", "Google Inc.", null, null));
        assertThat(organizations.lookup("127.0.0.1")).isEmpty();
        assertThat(organizations.lookup("not-an-ip.example.com")).as("never resolved through DNS").isEmpty();
    }

    @Test
    void aDatabaseOfAnotherKindIsRefusedWithTheReason() {
        Path city = Corpus.file("mmdb/GeoLite2-City-Test.mmdb");

        assertThatThrownBy(() -> MaxMindOrganizations.open(city)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an ASN one");
    }
}
