package dev.vigil.intel.lists;

import dev.vigil.intel.yaml.ConfigErrors;
import dev.vigil.intel.yaml.YamlFields;
import dev.vigil.intel.yaml.YamlNode;
import dev.vigil.intel.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Hosts known to be benign, each with the reason (and optionally who vouches for it): a YAML list of
 * {@code {ip: ..., reason: ..., owner: ...}} (or {@code cidr:} for a range). The note of a match is the reason,
 * followed by {@code (owner: ...)} when an owner is given.
 */
public final class KnownHostsListLoader implements ListLoader {

    private static final List<String> KEYS = List.of("ip", "cidr", "reason", "owner");

    @Override
    public String kind() {
        return "known-hosts";
    }

    @Override
    public String description() {
        return "a YAML list of hosts known to be benign: {ip or cidr, reason, owner (optional)}";
    }

    @Override
    public String example() {
        return "- ip: 165.227.16.16\n  reason: Known false positive host in the triage runbook\n  owner: secops\n";
    }

    @Override
    public void load(ListSource source, InputStream in, IpListBuilder builder, FileErrors errors) throws IOException {
        ConfigErrors found = new ConfigErrors();
        YamlNode root = YamlTree.read(errors.file(), in, found);
        if (root == null || (root instanceof YamlNode.Scalar scalar && scalar.text() == null)) {
            found.list().forEach(error -> errors.add(error.place(), error.code(), error.message()));
            return; // an empty file is an empty list
        }
        if (!(root instanceof YamlNode.Sequence hosts)) {
            found.add(root.place(), "wrong_type", "a known-hosts file is a YAML list of {ip, reason, owner} entries, not "
                    + root.shape());
        } else {
            for (YamlNode item : hosts.items()) {
                YamlNode.Mapping host = YamlFields.mapping(item, "a known host", found);
                if (host == null) {
                    continue;
                }
                YamlFields.onlyKeys(host, KEYS, "a known host", found);
                String ip = YamlFields.text(host, "ip", found);
                String cidr = YamlFields.text(host, "cidr", found);
                String reason = YamlFields.text(host, "reason", found);
                String owner = YamlFields.text(host, "owner", found);
                if ((ip == null) == (cidr == null)) {
                    found.add(host.place(), "known_host_address", "give either \"ip\" or \"cidr\" for each known host");
                    continue;
                }
                if (reason == null || reason.isBlank()) {
                    found.add(host.place(), "known_host_reason", "known host " + (ip != null ? ip : cidr)
                            + " has no \"reason\": say why it is benign (e.g. the runbook that lists it)");
                    continue;
                }
                String note = owner == null || owner.isBlank() ? reason.trim() : reason.trim() + " (owner: " + owner.trim() + ")";
                try {
                    if (ip != null && ip.indexOf('/') >= 0) {
                        found.add(host.get("ip").place(), "bad_address", "\"" + ip + "\" is a range: write it as cidr: " + ip);
                        continue;
                    }
                    builder.add((ip != null ? ip : cidr).trim(), note);
                } catch (IllegalArgumentException e) {
                    found.add((ip != null ? host.get("ip") : host.get("cidr")).place(), "bad_address", e.getMessage());
                }
            }
        }
        found.list().forEach(error -> errors.add(error.place(), error.code(), error.message()));
    }
}
