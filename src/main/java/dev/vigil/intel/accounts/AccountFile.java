package dev.vigil.intel.accounts;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.vigil.intel.Account;
import dev.vigil.intel.Environment;
import dev.vigil.intel.yaml.ConfigErrors;
import dev.vigil.intel.yaml.Place;
import dev.vigil.intel.yaml.YamlFields;
import dev.vigil.intel.yaml.YamlNode;
import dev.vigil.intel.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the account directory: a YAML list of accounts, or a CSV file ({@code .csv}) with a header row.
 *
 * <pre>
 * - id: "111122223333"
 *   name: payments-prod          # the runbook's account "flavor"
 *   team: payments
 *   contact: payments-oncall@example.com
 *   channel: "#payments-alerts"
 *   environment: production      # production, staging, development or sandbox
 *   uses-flux: false             # the team pulls from GitHub with Flux
 *   exposed-instances:           # instances exposed to the internet by design, with their public ports
 *     i-0a1b2c3d4e5f60718: [443]
 * </pre>
 *
 * CSV columns: {@code id,name,team,contact,channel,environment,uses_flux,exposed_instances} where exposed_instances is
 * {@code i-0a1b2c3d4e5f60718:443 8443;i-0fedcba9876543210:22}.
 */
public final class AccountFile {

    static final List<String> KEYS = List.of("id", "name", "team", "contact", "channel", "environment", "uses-flux",
            "exposed-instances");
    static final List<String> CSV_COLUMNS = List.of("id", "name", "team", "contact", "channel", "environment", "uses_flux",
            "exposed_instances");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private AccountFile() {
    }

    /** The accounts of {@code file}; every problem goes to {@code errors} with its file:line. */
    public static LoadedAccounts load(Path file, ConfigErrors errors) {
        List<Located> accounts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                readCsv(file.toString(), in, accounts, errors);
            } else {
                readYaml(file.toString(), in, accounts, errors);
            }
        } catch (NoSuchFileException e) {
            errors.add(Place.of(file.toString()), "accounts_file_missing", "the account directory " + file
                    + " does not exist: fix accounts: path: in vigil.yaml (relative to the folder of vigil.yaml)");
        } catch (IOException e) {
            errors.add(Place.of(file.toString()), "accounts_file_unreadable", "cannot read the account directory "
                    + file + " (" + e.getMessage() + ")");
        }
        checkDuplicates(accounts, errors);
        return new LoadedAccounts(accounts.stream().map(Located::account).toList());
    }

    private static void readYaml(String file, InputStream in, List<Located> accounts, ConfigErrors errors)
            throws IOException {
        YamlNode root = YamlTree.read(file, in, errors);
        if (root == null || (root instanceof YamlNode.Scalar scalar && scalar.text() == null)) {
            return;
        }
        if (!(root instanceof YamlNode.Sequence list)) {
            errors.add(root.place(), "wrong_type", "the account directory is a YAML list of accounts (- id: ...), not "
                    + root.shape());
            return;
        }
        for (YamlNode item : list.items()) {
            YamlNode.Mapping fields = YamlFields.mapping(item, "an account", errors);
            if (fields == null) {
                continue;
            }
            YamlFields.onlyKeys(fields, KEYS, "an account", errors);
            Map<String, Set<Integer>> exposed = new LinkedHashMap<>();
            YamlNode exposedNode = fields.get("exposed-instances");
            YamlNode.Mapping exposedMap = YamlFields.mapping(exposedNode, "exposed-instances (instance id: [ports])", errors);
            if (exposedMap != null) {
                for (YamlNode.Field instance : exposedMap.fields().values()) {
                    Set<Integer> ports = new LinkedHashSet<>();
                    List<YamlNode> items = instance.value() instanceof YamlNode.Sequence ports1 ? ports1.items()
                            : List.of(instance.value());
                    for (YamlNode port : items) {
                        Integer number = YamlFields.port(port, errors);
                        if (number != null) {
                            ports.add(number);
                        }
                    }
                    exposed.put(instance.key(), ports);
                }
            }
            YamlNode idNode = fields.get("id");
            Located account = account(fields.place(), idNode == null ? fields.place() : idNode.place(),
                    YamlFields.text(fields, "id", errors), YamlFields.text(fields, "name", errors),
                    YamlFields.text(fields, "team", errors), YamlFields.text(fields, "contact", errors),
                    YamlFields.text(fields, "channel", errors), YamlFields.text(fields, "environment", errors),
                    fields.get("environment") == null ? fields.place() : fields.get("environment").place(),
                    YamlFields.text(fields, "uses-flux", errors),
                    fields.get("uses-flux") == null ? fields.place() : fields.get("uses-flux").place(), exposed, errors);
            if (account != null) {
                accounts.add(account);
            }
        }
    }

    private static void readCsv(String file, InputStream in, List<Located> accounts, ConfigErrors errors)
            throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                Place place = new Place(file, line, 0);
                for (String column : row.keySet()) {
                    if (!CSV_COLUMNS.contains(column)) {
                        errors.add(new Place(file, 1, 0), "unknown_column", "unknown column \"" + column + "\""
                                + dev.vigil.intel.yaml.DidYouMean.suggest(column, CSV_COLUMNS));
                    }
                }
                Map<String, Set<Integer>> exposed = exposedInstances(row.get("exposed_instances"), place, errors);
                Located account = account(place, place, row.get("id"), row.get("name"), row.get("team"),
                        row.get("contact"), row.get("channel"), row.get("environment"), place, row.get("uses_flux"), place,
                        exposed, errors);
                if (account != null) {
                    accounts.add(account);
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            errors.add(new Place(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), 0), "csv_syntax",
                    e.getOriginalMessage() + ": fix the CSV (a header row, then one account a row)");
        }
    }

    /** {@code i-0a1b:443 8443;i-0c2d:22}. */
    static Map<String, Set<Integer>> exposedInstances(String text, Place place, ConfigErrors errors) {
        Map<String, Set<Integer>> exposed = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return exposed;
        }
        for (String part : text.split(";")) {
            String[] instanceAndPorts = part.trim().split(":", 2);
            if (instanceAndPorts.length != 2 || instanceAndPorts[0].isBlank()) {
                errors.add(place, "bad_exposed_instances", "\"" + part.trim()
                        + "\" is not instance:ports; write e.g. i-0a1b2c3d4e5f60718:443 8443;i-0fedcba9876543210:22");
                continue;
            }
            Set<Integer> ports = new LinkedHashSet<>();
            for (String port : instanceAndPorts[1].trim().split("[\\s,]+")) {
                try {
                    int number = Integer.parseInt(port);
                    if (number < 0 || number > 65535) {
                        throw new NumberFormatException();
                    }
                    ports.add(number);
                } catch (NumberFormatException e) {
                    errors.add(place, "bad_port", "\"" + port + "\" is not a port number: use a number from 0 to 65535");
                }
            }
            exposed.put(instanceAndPorts[0].trim(), ports);
        }
        return exposed;
    }

    private record Located(Place place, Account account) {
    }

    private static Located account(Place place, Place idPlace, String id, String name, String team, String contact,
                                   String channel, String environmentText, Place environmentPlace, String usesFluxText,
                                   Place usesFluxPlace, Map<String, Set<Integer>> exposed, ConfigErrors errors) {
        boolean valid = true;
        if (id == null || !ACCOUNT_ID.matcher(id.trim()).matches()) {
            errors.add(idPlace, "bad_account_id", "account id \"" + (id == null ? "" : id)
                    + "\" is not 12 digits: write the AWS account id in quotes, e.g. id: \"012345678901\"");
            valid = false;
        }
        Environment environment = Environment.UNKNOWN;
        try {
            environment = Environment.parse(environmentText);
        } catch (IllegalArgumentException e) {
            errors.add(environmentPlace, "bad_environment", e.getMessage());
            valid = false;
        }
        Boolean usesFlux = null;
        if (usesFluxText != null && !usesFluxText.isBlank()) {
            switch (usesFluxText.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> usesFlux = true;
                case "false", "no" -> usesFlux = false;
                default -> {
                    errors.add(usesFluxPlace, "bad_boolean", "uses-flux is \"" + usesFluxText
                            + "\": write true or false (or leave it out when unknown)");
                    valid = false;
                }
            }
        }
        if (!valid) {
            return null;
        }
        return new Located(place, new Account(id.trim(), blankToNull(name), blankToNull(team), blankToNull(contact),
                blankToNull(channel), environment, usesFlux, exposed));
    }

    private static void checkDuplicates(List<Located> accounts, ConfigErrors errors) {
        Map<String, Place> seen = new HashMap<>();
        for (Located located : new ArrayList<>(accounts)) {
            Place first = seen.putIfAbsent(located.account().id(), located.place());
            if (first != null) {
                errors.add(located.place(), "duplicate_account", "account " + located.account().id()
                        + " is already described at " + first + ": keep one entry per account");
                accounts.remove(located);
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
