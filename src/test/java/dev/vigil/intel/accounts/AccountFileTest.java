package dev.vigil.intel.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.intel.Account;
import dev.vigil.intel.Environment;
import dev.vigil.intel.yaml.ConfigErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountFileTest {

    @TempDir
    Path folder;

    @Test
    void aYamlDirectoryGivesNameTeamContactEnvironmentFluxAndExposedInstances() throws IOException {
        Path file = folder.resolve("accounts.yaml");
        Files.writeString(file, """
                - id: "444455556666"
                  name: platform-dev
                  team: platform
                  contact: platform-team@example.com
                  channel: "#platform-dev"
                  environment: development
                  uses-flux: true
                - id: 777788889999
                  name: storefront-staging
                  environment: staging
                  exposed-instances:
                    i-0a1b2c3d4e5f60718: [443]
                """);
        ConfigErrors errors = new ConfigErrors();

        LoadedAccounts accounts = AccountFile.load(file, errors);

        assertThat(errors.list()).isEmpty();
        assertThat(accounts.find("444455556666")).contains(new Account("444455556666", "platform-dev", "platform",
                "platform-team@example.com", "#platform-dev", Environment.DEVELOPMENT, true, Map.of()));
        Account staging = accounts.find("777788889999").orElseThrow();
        assertThat(staging.usesFlux()).isNull();
        assertThat(staging.exposedInstances()).containsEntry("i-0a1b2c3d4e5f60718", Set.of(443));
        assertThat(accounts.find("000000000000")).isEmpty();
    }

    @Test
    void aCsvDirectoryReadsTheSameColumns() throws IOException {
        Path file = folder.resolve("accounts.csv");
        Files.writeString(file, """
                id,name,team,contact,channel,environment,uses_flux,exposed_instances
                111122223333,payments-prod,payments,payments-oncall@example.com,#payments,production,false,
                777788889999,storefront-staging,storefront,leads@example.com,#storefront,staging,,i-0a1b2c3d4e5f60718:443;i-0fedcba9876543210:80 443
                """);
        ConfigErrors errors = new ConfigErrors();

        LoadedAccounts accounts = AccountFile.load(file, errors);

        assertThat(errors.list()).isEmpty();
        assertThat(accounts.find("111122223333").map(Account::environment)).contains(Environment.PRODUCTION);
        assertThat(accounts.find("111122223333").map(Account::usesFlux)).contains(false);
        assertThat(accounts.find("777788889999").orElseThrow().exposedInstances())
                .isEqualTo(Map.of("i-0a1b2c3d4e5f60718", Set.of(443), "i-0fedcba9876543210", Set.of(80, 443)));
    }

    @Test
    void badIdsEnvironmentsAndDuplicatesAreAllReportedWithTheirLines() throws IOException {
        Path file = folder.resolve("accounts.yaml");
        Files.writeString(file, """
                - id: "12345"
                  name: short-id
                - id: "111122223333"
                  environment: prodution
                - id: "444455556666"
                  name: first
                - id: "444455556666"
                  name: again
                  enviroment: development
                """);
        ConfigErrors errors = new ConfigErrors();

        AccountFile.load(file, errors);

        List<String> messages = errors.list().stream().map(ConfigErrors.Error::toString).toList();
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0)).contains("accounts.yaml:1:7: bad_account_id: account id \"12345\" is not 12 digits");
        assertThat(messages.get(1)).contains("accounts.yaml:4:16: bad_environment: unknown environment \"prodution\": use production, staging, development or sandbox");
        assertThat(messages.get(2)).contains("accounts.yaml:7:3: duplicate_account: account 444455556666 is already described at");
        assertThat(messages.get(3)).contains("accounts.yaml:9:3: unknown_key: unknown key \"enviroment\" in an account; did you mean \"environment\"?");
    }

    @Test
    void aCsvRowWithABadEnvironmentNamesItsLine() throws IOException {
        Path file = folder.resolve("accounts.csv");
        Files.writeString(file, """
                id,name,environment
                111122223333,payments-prod,production
                444455556666,platform-dev,qa
                """);
        ConfigErrors errors = new ConfigErrors();

        LoadedAccounts accounts = AccountFile.load(file, errors);

        assertThat(errors.list()).singleElement().asString().contains("accounts.csv:3: bad_environment");
        assertThat(accounts.size()).isEqualTo(1);
    }
}
