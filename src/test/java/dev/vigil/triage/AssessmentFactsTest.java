package dev.vigil.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ingest.FindingReader;
import dev.vigil.intel.InMemoryHistory;
import dev.vigil.intel.VigilConfig;
import dev.vigil.playbook.Playbooks;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The initial assessment names the remote side for what it is: where an instance connected to, or who came in. */
class AssessmentFactsTest {

    private final TriageEngine engine = new TriageEngine(Playbooks.bundled(),
            VigilConfig.defaults().intel(new InMemoryHistory()), Clock.systemUTC());

    @Test
    void anOutboundConnectionsRemoteSideIsItsDestinationWithTheRemotePort() {
        Facts facts = engine.triage(FindingReader.detecting().parseOne(connection("OUTBOUND", 49152, 4444))).facts();
        assertThat(facts.direction()).isEqualTo("outbound");
        assertThat(facts.remoteRole()).isEqualTo("destination");
        assertThat(facts.remoteLabel()).isEqualTo("203.0.113.50:4444");
    }

    @Test
    void anInboundConnectionsRemoteSideIsItsSourceAndThePortIsTheInstancesOwn() {
        Facts facts = engine.triage(FindingReader.detecting().parseOne(connection("INBOUND", 22, 40522))).facts();
        assertThat(facts.direction()).isEqualTo("inbound");
        assertThat(facts.remoteRole()).isEqualTo("source");
        assertThat(facts.remoteLabel()).isEqualTo("203.0.113.50 to local port 22");
    }

    private static String connection(String direction, int localPort, int remotePort) {
        return """
                {"schemaVersion":"2.0","accountId":"111122223333","region":"us-east-1","partition":"aws",
                 "id":"facts-%1$s","arn":"arn:aws:guardduty:us-east-1:111122223333:detector/d/finding/facts-%1$s",
                 "type":"UnauthorizedAccess:EC2/TorIPCaller","severity":5,"title":"t","description":"d",
                 "createdAt":"2025-03-07T03:20:00Z","updatedAt":"2025-03-07T03:20:00Z",
                 "resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0123456789abcdef0"}},
                 "service":{"serviceName":"guardduty","count":1,"eventFirstSeen":"2025-03-07T03:14:00Z",
                   "eventLastSeen":"2025-03-07T03:19:00Z","archived":false,
                   "action":{"actionType":"NETWORK_CONNECTION","networkConnectionAction":{
                     "connectionDirection":"%1$s","protocol":"TCP","blocked":false,
                     "localPortDetails":{"port":%2$d},
                     "remoteIpDetails":{"ipAddressV4":"203.0.113.50"},
                     "remotePortDetails":{"port":%3$d}}}}}
                """.formatted(direction, localPort, remotePort);
    }
}
