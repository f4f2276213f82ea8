package dev.vigil.playbook;

import dev.cel.runtime.CelVariableResolver;
import dev.vigil.finding.Action;
import dev.vigil.finding.Finding;
import dev.vigil.finding.Instance;
import dev.vigil.finding.Organization;
import dev.vigil.finding.RemoteEndpoint;
import dev.vigil.intel.Account;
import dev.vigil.intel.Intel;
import dev.vigil.intel.IpMatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything playbook expressions see about one finding: the CEL activation (variables), and what Vigil's functions
 * read while it is the current scope. Enrichment is looked up lazily and at most once per finding (the account, the remote IP's list
 * matches, the history answers), so a playbook with many rules costs one look-up of each. Not thread-safe: one scope
 * per finding, used by one thread.
 */
public final class FindingScope implements CelVariableResolver {

    private static final ThreadLocal<FindingScope> CURRENT = new ThreadLocal<>();

    private final Finding finding;
    private final Intel intel;
    private final Clock clock;
    private final Duration historyWindow;
    private final RemoteEndpoint remote;

    private Optional<Account> account;
    private Map<String, IpMatch> ipMatches;
    private Boolean seenBefore;
    private List<String> instancesWithPattern;
    private Organization organization;
    /** {@link #port()} once asked (the facts, the case key and the conditions ask), -1 before. */
    private long port = -1;

    public FindingScope(Finding finding, Intel intel, Clock clock, Duration historyWindow) {
        this.finding = finding;
        this.intel = intel;
        this.clock = clock;
        this.historyWindow = historyWindow;
        this.remote = finding.remote().orElse(null);
    }

    public Finding finding() {
        return finding;
    }

    public Intel intel() {
        return intel;
    }

    // ---- CEL activation -------------------------------------------------------------------------------------------

    @Override
    public Optional<Object> find(String name) {
        VariableSpec variable = VigilVariables.byName(name);
        return variable == null ? Optional.empty() : Optional.ofNullable(variable.value().apply(this));
    }

    /** The scope being evaluated on this thread, for Vigil's functions (bound once, at build time, in the CEL runtime). */
    static FindingScope current() {
        FindingScope scope = CURRENT.get();
        if (scope == null) {
            throw new IllegalStateException("a Vigil function was called outside a playbook evaluation");
        }
        return scope;
    }

    /** Runs {@code evaluation} with this scope as the current one on this thread. */
    <T> T enter(java.util.function.Supplier<T> evaluation) {
        FindingScope previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return evaluation.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    // ---- macro variables (all, exists, filter) of expressions compiled to lambdas -----------------------------------

    private Object[] locals;
    private int localCount;

    /** Binds the next macro variable (the element being looked at) while its predicate is evaluated. */
    void pushLocal(Object value) {
        if (locals == null) {
            locals = new Object[4];
        } else if (localCount == locals.length) {
            locals = java.util.Arrays.copyOf(locals, localCount * 2);
        }
        locals[localCount++] = value;
    }

    void popLocal() {
        locals[--localCount] = null;
    }

    /** The value of the macro variable in {@code slot} (0 for the outermost). */
    Object local(int slot) {
        return locals[slot];
    }

    // ---- the finding, normalized for expressions --------------------------------------------------------------------

    public Optional<RemoteEndpoint> remote() {
        return Optional.ofNullable(remote);
    }

    public String remoteIp() {
        return remote == null || remote.ip() == null ? "" : remote.ip();
    }

    /**
     * The port of the service involved: the remote port of an outbound connection, the local port of an inbound one or
     * of the first probe; 0 when the finding has none.
     */
    public long port() {
        if (port < 0) {
            port = findPort();
        }
        return port;
    }

    private long findPort() {
        Action action = finding.action();
        Integer found = null;
        if (action instanceof Action.NetworkConnection connection) {
            boolean inbound = "INBOUND".equalsIgnoreCase(connection.direction());
            found = inbound ? connection.localPort() : (connection.remote() == null ? null : connection.remote().port());
            if (found == null) {
                found = inbound && connection.remote() != null ? connection.remote().port() : connection.localPort();
            }
        } else if (action instanceof Action.PortProbe probe) {
            found = probe.probes().isEmpty() ? null : probe.probes().get(0).localPort();
        } else if (remote != null) {
            found = remote.port();
        }
        return found == null ? 0 : found;
    }

    /** The probed local ports, distinct and in order (a loop: asked for every port probe, mostly of one port). */
    public List<Long> probedPorts() {
        if (!(finding.action() instanceof Action.PortProbe probe)) {
            return List.of();
        }
        long[] ports = new long[probe.probes().size()];
        int count = 0;
        for (Action.Probe each : probe.probes()) {
            if (each.localPort() != null) {
                ports[count++] = each.localPort();
            }
        }
        Arrays.sort(ports, 0, count);
        Long[] distinct = new Long[count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (kept == 0 || ports[i] != distinct[kept - 1]) {
                distinct[kept++] = ports[i];
            }
        }
        return List.of(Arrays.copyOf(distinct, kept));
    }

    public String direction() {
        return finding.action() instanceof Action.NetworkConnection connection && connection.direction() != null
                ? connection.direction() : "";
    }

    public String instanceId() {
        Instance instance = finding.resource().instance();
        return instance == null || instance.id() == null ? "" : instance.id();
    }

    public Map<String, String> instanceTags() {
        Instance instance = finding.resource().instance();
        return instance == null ? Map.of() : instance.tags();
    }

    /** When the activity happened: first seen, else created, else updated. */
    public Instant at() {
        if (finding.eventFirstSeen() != null) {
            return finding.eventFirstSeen();
        }
        if (finding.createdAt() != null) {
            return finding.createdAt();
        }
        return finding.updatedAt() != null ? finding.updatedAt() : Instant.EPOCH;
    }

    public LocalDate today() {
        // the day of the epoch second, as LocalDate.ofInstant(..., UTC) gives it without building the offset's rules
        return LocalDate.ofEpochDay(Math.floorDiv(clock.instant().getEpochSecond(), 86_400L));
    }

    // ---- enrichment, looked up once ---------------------------------------------------------------------------------

    public Optional<Account> account() {
        if (account == null) {
            account = finding.accountId() == null ? Optional.empty() : intel.accounts().find(finding.accountId());
        }
        return account;
    }

    /** The remote IP's matches in every loaded list, by list name (one look-up per finding). */
    public Map<String, IpMatch> ipMatches() {
        if (ipMatches == null) {
            if (remoteIp().isEmpty()) {
                ipMatches = Map.of();
            } else {
                Map<String, IpMatch> matches = new HashMap<>();
                for (IpMatch match : intel.ipLists().matchAll(remoteIp())) {
                    matches.put(match.list(), match);
                }
                ipMatches = matches;
            }
        }
        return ipMatches;
    }

    public boolean listLoaded(String list) {
        return intel.ipLists().has(list);
    }

    /** The entry of the named list that contains the remote IP; null when none (no Optional per question asked). */
    public IpMatch matchOrNull(String list) {
        return ipMatches().get(list);
    }

    /** The remote organization: from the finding, else from the configured ASN database; null when unknown. */
    public String organization() {
        if (organization == null) {
            Organization fromFinding = remote == null ? Organization.UNKNOWN : remote.organization();
            organization = fromFinding.name() != null || remoteIp().isEmpty() ? fromFinding
                    : intel.organizations().lookup(remoteIp()).orElse(Organization.UNKNOWN);
        }
        return organization.name();
    }

    /** The remote endpoint's own port, as the history keys it; null when it has none. */
    private Integer remotePort() {
        return remote == null ? null : remote.port();
    }

    /** The instance (or, without one, the account) that shows the activity: the subject of "seen before". */
    public String historySubject() {
        String instance = instanceId();
        return instance.isEmpty() ? (finding.accountId() == null ? "" : finding.accountId()) : instance;
    }

    public boolean seenBefore() {
        if (seenBefore == null) {
            seenBefore = !remoteIp().isEmpty() && intel.history().seenBefore(historySubject(), remoteIp(), remotePort(), at());
        }
        return seenBefore;
    }

    /** The distinct instances (sorted) showing this type to this remote IP and remote port within the history window. */
    public List<String> instancesWithPattern() {
        if (instancesWithPattern == null) {
            if (remoteIp().isEmpty()) {
                instancesWithPattern = List.of();
            } else {
                Set<String> found = intel.history().instancesWithPattern(finding.type().name(), remoteIp(), remotePort(),
                        at(), historyWindow);
                // the set is distinct already: a list of it, with this instance when missing, sorted (in one pass when
                // the history's set is sorted, as the in-memory one is), rather than a second sorted set
                List<String> instances = new ArrayList<>(found.size() + 1);
                instances.addAll(found);
                if (!instanceId().isEmpty() && !found.contains(instanceId())) {
                    instances.add(instanceId());
                }
                instances.sort(null);
                instancesWithPattern = List.copyOf(instances);
            }
        }
        return instancesWithPattern;
    }

    public boolean instanceExposed() {
        return account().map(a -> a.exposedInstances().containsKey(instanceId())).orElse(false);
    }

    public List<Long> exposedPorts() {
        Set<Integer> ports = account().map(a -> a.exposedInstances().get(instanceId())).orElse(null);
        return ports == null ? List.of() : ports.stream().map(Integer::longValue).sorted().toList();
    }
}
