package dev.vigil.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.intel.lists.LoadedIpLists;
import dev.vigil.intel.yaml.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VigilConfigTest {

    @TempDir
    Path folder;

    private Path config(String yaml) throws IOException {
        Path file = folder.resolve("vigil.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void withNoConfigOnlyTheRunbooksKnownHostAndTheDefaultPortsAreKnown() {
        Intel intel = VigilConfig.defaults().intel(new InMemoryHistory());

        assertThat(intel.ipLists().names()).containsExactly("known-hosts");
        assertThat(intel.ipLists().match("known-hosts", "165.227.16.16").map(IpMatch::note))
                .contains("Known false positive host in the triage runbook: connections to and from it on any port");
        assertThat(intel.ipLists().has("github-git")).isFalse();
        assertThat(intel.accounts().find("111122223333")).isEmpty();
        assertThat(intel.ports().isStandard(22)).isTrue();
        assertThat(intel.ports().isExploitation(4444)).isTrue();
        assertThat(intel.ports().isExploitation(8088)).isTrue();
        assertThat(intel.organizations().lookup("165.227.16.16")).isEmpty();
        assertThat(VigilConfig.defaults().historyWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theExampleConfigLoadsEveryListAndTheAccountDirectory() {
        VigilConfig config = VigilConfig.load(Path.of("examples/vigil.yaml"));
        Intel intel = config.intel(new InMemoryHistory());

        assertThat(intel.ipLists().names()).containsExactlyInAnyOrder("known-hosts", "github-git", "tor-exits",
                "threat-intel");
        assertThat(intel.ipLists().match("github-git", "140.82.112.4").map(IpMatch::range)).contains("140.82.112.0/20");
        assertThat(intel.ipLists().match("tor-exits", "198.51.100.66")).isPresent();
        assertThat(intel.ipLists().match("known-hosts", "165.227.16.16")).isPresent();
        assertThat(intel.accounts().find("111122223333").map(Account::environment)).contains(Environment.PRODUCTION);
        assertThat(intel.accounts().find("444455556666").map(Account::usesFlux)).contains(true);
        assertThat(intel.accounts().find("777788889999").map(account -> account.exposedInstances().get("i-0a1b2c3d4e5f60718")))
                .contains(java.util.Set.of(443));
    }

    @Test
    void relativePathsAreReadFromTheConfigFilesFolderAndPortsAndWindowAreSet() throws IOException {
        Files.createDirectories(folder.resolve("intel"));
        Files.writeString(folder.resolve("intel/bad.txt"), "203.0.113.0/24 # scanners\n");
        Path file = config("""
                lists:
                  threat-intel:
                    kind: cidr
                    path: intel/bad.txt
                ports:
                  exploitation: [4444, 9001]
                history:
                  window: 90m
                """);

        VigilConfig config = VigilConfig.load(file);

        assertThat(config.lists().get(0).path()).isEqualTo(folder.resolve("intel/bad.txt").toAbsolutePath().normalize());
        assertThat(config.ports().exploitation()).containsExactlyInAnyOrder(4444, 9001);
        assertThat(config.ports().standard()).isEqualTo(PortKnowledge.DEFAULT_STANDARD);
        assertThat(config.historyWindow()).isEqualTo(Duration.ofMinutes(90));
        LoadedIpLists lists = (LoadedIpLists) config.intel(new InMemoryHistory()).ipLists();
        assertThat(lists.names()).containsExactly("known-hosts", "threat-intel");
    }

    @Test
    void anUnknownKeyIsAnErrorWithItsPlaceAndADidYouMean() throws IOException {
        Path file = config("""
                lists:
                  threat-intel:
                    kind: cidr
                    pth: intel/bad.txt
                histroy:
                  window: 24h
                """);

        assertThatThrownBy(() -> VigilConfig.load(file))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("vigil.yaml:4:5: unknown_key: unknown key \"pth\" in list threat-intel; did you mean \"path\"?")
                .hasMessageContaining("vigil.yaml:5:1: unknown_key: unknown key \"histroy\" in vigil.yaml; did you mean \"history\"?");
    }

    @Test
    void aDuplicateKeyIsAnError() throws IOException {
        Path file = config("""
                history:
                  window: 24h
                  window: 12h
                """);

        assertThatThrownBy(() -> VigilConfig.load(file))
                .hasMessageContaining("vigil.yaml:3:3: duplicate_key: key \"window\" is already set at line 2");
    }

    @Test
    void anUnknownListKindAndABadWindowAreReportedTogether() throws IOException {
        Path file = config("""
                lists:
                  tor:
                    kind: tor-exit
                    path: tor.txt
                history:
                  window: a day
                """);

        assertThatThrownBy(() -> VigilConfig.load(file))
                .hasMessageStartingWith("2 configuration errors:")
                .hasMessageContaining("unknown kind \"tor-exit\"; did you mean \"tor-exits\"?")
                .hasMessageContaining("history window \"a day\" is not a positive duration");
    }

    @Test
    void aStoreUrlIsAcceptedAndItsSecretIsExpandedButNeverPrinted() throws IOException {
        Path file = config("""
                store:
                  url: jdbc:postgresql://db/vigil?password=${VIGIL_DB_PASSWORD}
                """);

        VigilConfig config = VigilConfig.load(file, Map.of("VIGIL_DB_PASSWORD", "s3cr3t"));

        assertThat(config.storeUrl()).isEqualTo("jdbc:postgresql://db/vigil?password=s3cr3t");
        assertThat(config.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void aMissingEnvironmentVariableIsNamedButNoValueIsShown() throws IOException {
        Path file = config("""
                lists:
                  github:
                    kind: github-meta
                    path: ${INTEL_DIR}/meta.json
                """);

        assertThatThrownBy(() -> VigilConfig.load(file, Map.of()))
                .hasMessageContaining("vigil.yaml:4:11: missing_environment_variable: environment variable INTEL_DIR is not set");
    }

    @Test
    void aUrlListWhoseCacheIsMissingSaysToRunRefresh() throws IOException {
        Path file = config("""
                lists:
                  aws:
                    kind: aws-ip-ranges
                    url: https://ip-ranges.amazonaws.com/ip-ranges.json
                    cache: cache/ip-ranges.json
                    services: [EC2]
                """);
        VigilConfig config = VigilConfig.load(file);

        assertThatThrownBy(() -> config.intel(new InMemoryHistory()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("vigil.yaml:2:3: list_file_missing: list aws: the cache")
                .hasMessageContaining("does not exist yet: run vigil intel refresh");
    }

    @Test
    void optionsThatDoNotFitTheKindAreErrors() throws IOException {
        Path file = config("""
                lists:
                  tor-exits:
                    kind: tor-exits
                    path: tor.txt
                    services: [EC2]
                """);

        assertThatThrownBy(() -> VigilConfig.load(file))
                .hasMessageContaining("vigil.yaml:5:15: option_not_for_kind: \"services\" applies only to kind aws-ip-ranges");
    }

    @Test
    void aBadAccountDirectoryEnvironmentIsAnErrorNamingTheAccountsFileAndLine() throws IOException {
        Files.writeString(folder.resolve("accounts.yaml"), """
                - id: "111122223333"
                  name: payments-prod
                  environment: prodution
                """);
        Path file = config("accounts:\n  path: accounts.yaml\n");

        assertThatThrownBy(() -> VigilConfig.load(file).intel(new InMemoryHistory()))
                .hasMessageContaining("accounts.yaml:3:16: bad_environment: unknown environment \"prodution\"");
    }

    @Test
    void aConfigThatDefinesKnownHostsReplacesTheBundledList() throws IOException {
        Files.writeString(folder.resolve("hosts.yaml"), "- ip: 192.0.2.10\n  reason: our scanner\n");
        Path file = config("lists:\n  known-hosts:\n    kind: known-hosts\n    path: hosts.yaml\n");

        IpLists lists = VigilConfig.load(file).intel(new InMemoryHistory()).ipLists();

        assertThat(lists.match("known-hosts", "192.0.2.10")).isPresent();
        assertThat(lists.match("known-hosts", "165.227.16.16")).isEmpty();
    }
}
