package dev.vigil.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundledPlaybooksTest {

    @Test
    void theBundledPlaybooksLoadWithoutErrors() {
        Playbooks playbooks = Playbooks.bundled();
        assertThat(playbooks.all()).extracting(Playbook::id).containsExactly("default", "network-port-unusual",
                "port-probe-unprotected-port", "root-credential-usage", "tor", "global");
    }

    @Test
    void theMostSpecificPlaybookCoversEachType() {
        Playbooks playbooks = Playbooks.bundled();
        assertThat(playbooks.forType("Behavior:EC2/NetworkPortUnusual").id()).isEqualTo("network-port-unusual");
        assertThat(playbooks.forType("UnauthorizedAccess:EC2/TorIPCaller").id()).isEqualTo("tor");
        assertThat(playbooks.forType("UnauthorizedAccess:EC2/TorClient").id()).isEqualTo("tor");
        assertThat(playbooks.forType("Recon:IAMUser/TorIPCaller").id()).isEqualTo("tor");
        assertThat(playbooks.forType("Policy:IAMUser/RootCredentialUsage").id()).isEqualTo("root-credential-usage");
        assertThat(playbooks.forType("Recon:EC2/PortProbeUnprotectedPort").id()).isEqualTo("port-probe-unprotected-port");
        assertThat(playbooks.forType("CryptoCurrency:EC2/BitcoinTool.B!DNS").id()).isEqualTo("default");
    }
}
