package dev.vigil.ingest;

import static dev.vigil.ingest.GuardDutyNames.*;
import static dev.vigil.ingest.TokenValues.append;
import static dev.vigil.ingest.TokenValues.array;
import static dev.vigil.ingest.TokenValues.bool;
import static dev.vigil.ingest.TokenValues.integer;
import static dev.vigil.ingest.TokenValues.object;
import static dev.vigil.ingest.TokenValues.objectOrNull;
import static dev.vigil.ingest.TokenValues.once;
import static dev.vigil.ingest.TokenValues.strictObject;
import static dev.vigil.ingest.TokenValues.text;
import static dev.vigil.ingest.TokenValues.texts;

import dev.vigil.finding.Action;
import dev.vigil.finding.Organization;
import dev.vigil.finding.RemoteEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link GuardDutyMapper#action} on the record's bytes ({@link JsonCursor}): the finding's {@code service.action}
 * object. Each child object (networkConnectionAction, portProbeAction, ...) is read as one {@link Details}, whichever it
 * is, and the action is then chosen by the same rules as the tree path's. Stateless.
 */
final class StreamedAction {

    private enum Kind {
        NETWORK_CONNECTION(NETWORK_CONNECTION_ACTION), PORT_PROBE(PORT_PROBE_ACTION), AWS_API_CALL(AWS_API_CALL_ACTION),
        DNS_REQUEST(DNS_REQUEST_ACTION), KUBERNETES_API_CALL(KUBERNETES_API_CALL_ACTION),
        RDS_LOGIN_ATTEMPT(RDS_LOGIN_ATTEMPT_ACTION), OTHER(null);

        final Key key;

        Kind(Key key) {
            this.key = key;
        }
    }

    private enum Field {
        CONNECTION_DIRECTION(GuardDutyNames.CONNECTION_DIRECTION), PROTOCOL(GuardDutyNames.PROTOCOL),
        BLOCKED(GuardDutyNames.BLOCKED), LOCAL_IP_DETAILS(GuardDutyNames.LOCAL_IP_DETAILS),
        LOCAL_PORT_DETAILS(GuardDutyNames.LOCAL_PORT_DETAILS), REMOTE_IP_DETAILS(GuardDutyNames.REMOTE_IP_DETAILS),
        REMOTE_PORT_DETAILS(GuardDutyNames.REMOTE_PORT_DETAILS), PORT_PROBE_DETAILS(GuardDutyNames.PORT_PROBE_DETAILS),
        API(GuardDutyNames.API), SERVICE_NAME(GuardDutyNames.SERVICE_NAME), CALLER_TYPE(GuardDutyNames.CALLER_TYPE),
        ERROR_CODE(GuardDutyNames.ERROR_CODE), USER_AGENT(GuardDutyNames.USER_AGENT),
        DOMAIN_DETAILS(GuardDutyNames.DOMAIN_DETAILS), DOMAIN(GuardDutyNames.DOMAIN), VERB(GuardDutyNames.VERB),
        REQUEST_URI(GuardDutyNames.REQUEST_URI), STATUS_CODE(GuardDutyNames.STATUS_CODE),
        SOURCE_IPS(GuardDutyNames.SOURCE_IPS), OTHER(null);

        final Key key;

        Field(Key key) {
            this.key = key;
        }
    }

    private enum RemoteField {
        IP_ADDRESS_V4(GuardDutyNames.IP_ADDRESS_V4), IP_ADDRESS_V6(GuardDutyNames.IP_ADDRESS_V6),
        ORGANIZATION(GuardDutyNames.ORGANIZATION), COUNTRY(GuardDutyNames.COUNTRY), CITY(GuardDutyNames.CITY), OTHER(null);

        final Key key;

        RemoteField(Key key) {
            this.key = key;
        }
    }

    private static final int KIND_COUNT = Kind.values().length;
    private static final FieldIndex<Kind> KINDS = FieldIndex.of(Kind.class, k -> k.key, Kind.OTHER);
    private static final FieldIndex<Field> FIELDS = FieldIndex.of(Field.class, f -> f.key, Field.OTHER);
    private static final FieldIndex<RemoteField> REMOTE_FIELDS = FieldIndex.of(RemoteField.class, f -> f.key, RemoteField.OTHER);

    private static final Key[] IPS = {IP_ADDRESS_V4, IP_ADDRESS_V6};
    private static final Key[] PORT_DETAILS = {PORT_NAME};
    private static final Key[] ORGANIZATION_NAMES = {ASN, ASN_ORG, ISP, ORG};
    private static final Key[] COUNTRY_NAMES = {COUNTRY_NAME};
    private static final Key[] CITY_NAMES = {CITY_NAME};
    private static final Key[] DOMAIN_NAMES = {DOMAIN};

    private StreamedAction() {
    }

    /** The remote side as in remoteIpDetails: an endpoint without port or domain yet. */
    private record RemoteIp(String ip, Organization organization, String country, String city) {
    }

    /** A port and its name, from localPortDetails or remotePortDetails. */
    private record Port(Integer port, String name) {
        static final Port NONE = new Port(null, null);
    }

    /** The fields of any one action child object (or of one port probe), read whichever kind it is. */
    private static final class Details {
        String direction;
        String protocol;
        boolean blocked;
        String localIp;
        Port localPort = Port.NONE;
        RemoteIp remoteIp;
        Port remotePort;
        List<Details> probes = List.of();
        String api;
        String serviceName;
        String callerType;
        String errorCode;
        String userAgent;
        String detailsDomain;
        String domain;
        String verb;
        String requestUri;
        Integer statusCode;
        boolean sourceIps;
        String firstSourceIp;
    }

    /** The action at the parser (any value: only a non-empty object is an action, as in the tree path). */
    static Action read(JsonCursor c) {
        if (!object(c)) {
            return new Action.None();
        }
        String actionType = null;
        Details[] known = new Details[KIND_COUNT];
        List<Details> children = List.of();
        List<String> otherNames = null;
        int fields = 0;
        long seen = 0;
        while (c.nextField()) {
            fields++;
            if (ACTION_TYPE.named(c)) {
                seen = once(seen, Kind.OTHER.ordinal());
                actionType = text(c);
                continue;
            }
            Kind kind = KINDS.of(c);
            if (kind == Kind.OTHER) {
                // a newer action type: only its remoteIpDetails may count (Action.Other), and only the last of duplicates
                otherNames = otherNames == null ? new ArrayList<>(1) : otherNames;
                String name = c.name();
                if (otherNames.contains(name)) {
                    throw NotStreamable.INSTANCE;
                }
                otherNames.add(name);
                if (object(c)) {
                    children = append(children, details(c));
                }
                continue;
            }
            seen = once(seen, kind.ordinal());
            if (objectOrNull(c)) {
                known[kind.ordinal()] = details(c);
                children = append(children, known[kind.ordinal()]);
            }
        }
        if (fields == 0) {
            return new Action.None();
        }
        Details details;
        if ((details = known[Kind.NETWORK_CONNECTION.ordinal()]) != null && is(actionType, "NETWORK_CONNECTION")) {
            return new Action.NetworkConnection(details.direction, details.protocol, details.localIp,
                    details.localPort.port(), details.localPort.name(), remote(details.remoteIp, details.remotePort, null),
                    details.blocked);
        }
        if ((details = known[Kind.PORT_PROBE.ordinal()]) != null && is(actionType, "PORT_PROBE")) {
            List<Action.Probe> probes = new ArrayList<>(details.probes.size());
            for (Details probe : details.probes) {
                probes.add(new Action.Probe(probe.localPort.port(), probe.localPort.name(), remote(probe.remoteIp, null, null)));
            }
            return new Action.PortProbe(probes, details.blocked);
        }
        if ((details = known[Kind.AWS_API_CALL.ordinal()]) != null && is(actionType, "AWS_API_CALL")) {
            return new Action.AwsApiCall(details.api, details.serviceName, details.callerType,
                    remote(details.remoteIp, null, details.detailsDomain), details.errorCode, details.userAgent);
        }
        if ((details = known[Kind.DNS_REQUEST.ordinal()]) != null && is(actionType, "DNS_REQUEST")) {
            return new Action.DnsRequest(details.domain, details.protocol, details.blocked);
        }
        if ((details = known[Kind.KUBERNETES_API_CALL.ordinal()]) != null && is(actionType, "KUBERNETES_API_CALL")) {
            RemoteEndpoint remote = remote(details.remoteIp, null, null);
            if (remote == null && details.sourceIps) {
                remote = new RemoteEndpoint(details.firstSourceIp, null, null, null, null, null, null);
            }
            return new Action.KubernetesApiCall(details.verb, details.requestUri, details.userAgent, details.statusCode,
                    remote);
        }
        if (actionType == null) {
            return new Action.None();
        }
        // RDS_LOGIN_ATTEMPT and newer action types: the login attempt's remote side, else the first child's that has one
        Details rds = known[Kind.RDS_LOGIN_ATTEMPT.ordinal()];
        RemoteIp remoteIp = rds == null ? null : rds.remoteIp;
        for (int i = 0; i < children.size() && remoteIp == null; i++) {
            Details child = children.get(i);
            if (child.remoteIp != null) {
                remoteIp = child.remoteIp;
                break;
            }
        }
        return new Action.Other(actionType, remote(remoteIp, null, null));
    }

    private static boolean is(String actionType, String expected) {
        return actionType == null || actionType.equals(expected);
    }

    /** As {@link GuardDutyMapper#remote}. */
    private static RemoteEndpoint remote(RemoteIp ip, Port port, String domain) {
        if (ip == null && port == null && domain == null) {
            return null;
        }
        Port ports = port == null ? Port.NONE : port;
        return ip == null
                ? new RemoteEndpoint(null, ports.port(), ports.name(), Organization.UNKNOWN, null, null, domain)
                : new RemoteEndpoint(ip.ip(), ports.port(), ports.name(), ip.organization(), ip.country(), ip.city(), domain);
    }

    /** One action child object, or one element of portProbeDetails. */
    private static Details details(JsonCursor c) {
        Details d = new Details();
        long seen = 0;
        for (Field field = FIELDS.next(c); field != null; field = FIELDS.next(c)) {
            seen = once(seen, field.ordinal());
            switch (field) {
                case CONNECTION_DIRECTION -> d.direction = text(c);
                case PROTOCOL -> d.protocol = text(c);
                case BLOCKED -> d.blocked = bool(c);
                case LOCAL_IP_DETAILS -> {
                    if (object(c)) {
                        String[] ips = texts(c, IPS);
                        d.localIp = ips[0] != null ? ips[0] : ips[1];
                    }
                }
                case LOCAL_PORT_DETAILS -> d.localPort = object(c) ? port(c) : Port.NONE;
                case REMOTE_IP_DETAILS -> d.remoteIp = objectOrNull(c) ? remoteIp(c) : null;
                case REMOTE_PORT_DETAILS -> d.remotePort = objectOrNull(c) ? port(c) : null;
                case PORT_PROBE_DETAILS -> {
                    d.probes = List.of();
                    if (array(c)) {
                        while (c.nextElement()) {
                            strictObject(c);
                            d.probes = append(d.probes, details(c));
                        }
                    }
                }
                case API -> d.api = text(c);
                case SERVICE_NAME -> d.serviceName = text(c);
                case CALLER_TYPE -> d.callerType = text(c);
                case ERROR_CODE -> d.errorCode = text(c);
                case USER_AGENT -> d.userAgent = text(c);
                case DOMAIN_DETAILS -> d.detailsDomain = object(c) ? texts(c, DOMAIN_NAMES)[0] : null;
                case DOMAIN -> d.domain = text(c);
                case VERB -> d.verb = text(c);
                case REQUEST_URI -> d.requestUri = text(c);
                case STATUS_CODE -> d.statusCode = integer(c);
                case SOURCE_IPS -> {
                    d.sourceIps = false;
                    d.firstSourceIp = null;
                    if (array(c) && c.nextElement()) {
                        d.sourceIps = true;
                        d.firstSourceIp = text(c);
                        while (c.nextElement()) {
                            c.skipValue();
                        }
                    }
                }
                default -> throw new IllegalStateException(field.toString());
            }
        }
        return d;
    }

    private static Port port(JsonCursor c) {
        Integer port = null;
        String name = null;
        long seen = 0;
        while (c.nextField()) {
            if (PORT.named(c)) {
                seen = once(seen, 0);
                port = integer(c);
            } else if (PORT_NAME.named(c)) {
                seen = once(seen, 1);
                name = text(c);
            } else {
                c.skipValue();
            }
        }
        return new Port(port, name);
    }

    private static RemoteIp remoteIp(JsonCursor c) {
        String v4 = null;
        String v6 = null;
        Organization organization = Organization.UNKNOWN;
        String country = null;
        String city = null;
        long seen = 0;
        for (RemoteField field = REMOTE_FIELDS.next(c); field != null; field = REMOTE_FIELDS.next(c)) {
            seen = once(seen, field.ordinal());
            switch (field) {
                case IP_ADDRESS_V4 -> v4 = text(c);
                case IP_ADDRESS_V6 -> v6 = text(c);
                case ORGANIZATION -> {
                    organization = Organization.UNKNOWN;
                    if (objectOrNull(c)) {
                        String[] v = texts(c, ORGANIZATION_NAMES);
                        organization = new Organization(v[0], v[1], v[2], v[3]);
                    }
                }
                case COUNTRY -> country = object(c) ? texts(c, COUNTRY_NAMES)[0] : null;
                case CITY -> city = object(c) ? texts(c, CITY_NAMES)[0] : null;
                default -> throw new IllegalStateException(field.toString());
            }
        }
        return new RemoteIp(v4 != null ? v4 : v6, organization, country, city);
    }
}
