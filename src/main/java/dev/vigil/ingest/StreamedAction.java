package dev.vigil.ingest;

import static dev.vigil.ingest.GuardDutyNames.*;
import static dev.vigil.ingest.TokenValues.array;
import static dev.vigil.ingest.TokenValues.bool;
import static dev.vigil.ingest.TokenValues.integer;
import static dev.vigil.ingest.TokenValues.object;
import static dev.vigil.ingest.TokenValues.objectOrNull;
import static dev.vigil.ingest.TokenValues.once;
import static dev.vigil.ingest.TokenValues.text;
import static dev.vigil.ingest.TokenValues.texts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.finding.Action;
import dev.vigil.finding.Organization;
import dev.vigil.finding.RemoteEndpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link GuardDutyMapper#action} on the token stream: the finding's {@code service.action} object. Each child object
 * (networkConnectionAction, portProbeAction, ...) is read as one {@link Details}, whichever it is, and the action is then
 * chosen by the same rules as the tree path's. Stateless.
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
    static Action read(JsonParser p) throws IOException {
        if (!object(p)) {
            return new Action.None();
        }
        String actionType = null;
        Details[] known = new Details[Kind.values().length];
        List<Details> children = new ArrayList<>(2);
        List<String> otherNames = null;
        int fields = 0;
        long seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            fields++;
            if (ACTION_TYPE.is(name)) {
                seen = once(seen, Kind.OTHER.ordinal());
                actionType = text(p);
                continue;
            }
            Kind kind = KINDS.of(name);
            if (kind == Kind.OTHER) {
                // a newer action type: only its remoteIpDetails may count (Action.Other), and only the last of duplicates
                otherNames = otherNames == null ? new ArrayList<>(1) : otherNames;
                if (otherNames.contains(name)) {
                    throw NotStreamable.INSTANCE;
                }
                otherNames.add(name);
                if (object(p)) {
                    children.add(details(p));
                }
                continue;
            }
            seen = once(seen, kind.ordinal());
            if (objectOrNull(p)) {
                known[kind.ordinal()] = details(p);
                children.add(known[kind.ordinal()]);
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
    private static Details details(JsonParser p) throws IOException {
        Details d = new Details();
        long seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            Field field = FIELDS.of(name);
            if (field == Field.OTHER) {
                p.skipChildren();
                continue;
            }
            seen = once(seen, field.ordinal());
            switch (field) {
                case CONNECTION_DIRECTION -> d.direction = text(p);
                case PROTOCOL -> d.protocol = text(p);
                case BLOCKED -> d.blocked = bool(p);
                case LOCAL_IP_DETAILS -> {
                    if (object(p)) {
                        String[] ips = texts(p, IPS);
                        d.localIp = ips[0] != null ? ips[0] : ips[1];
                    }
                }
                case LOCAL_PORT_DETAILS -> d.localPort = object(p) ? port(p) : Port.NONE;
                case REMOTE_IP_DETAILS -> d.remoteIp = objectOrNull(p) ? remoteIp(p) : null;
                case REMOTE_PORT_DETAILS -> d.remotePort = objectOrNull(p) ? port(p) : null;
                case PORT_PROBE_DETAILS -> {
                    d.probes = List.of();
                    if (array(p)) {
                        d.probes = new ArrayList<>(1);
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() != JsonToken.START_OBJECT) {
                                throw NotStreamable.INSTANCE;
                            }
                            d.probes.add(details(p));
                        }
                    }
                }
                case API -> d.api = text(p);
                case SERVICE_NAME -> d.serviceName = text(p);
                case CALLER_TYPE -> d.callerType = text(p);
                case ERROR_CODE -> d.errorCode = text(p);
                case USER_AGENT -> d.userAgent = text(p);
                case DOMAIN_DETAILS -> d.detailsDomain = object(p) ? texts(p, DOMAIN_NAMES)[0] : null;
                case DOMAIN -> d.domain = text(p);
                case VERB -> d.verb = text(p);
                case REQUEST_URI -> d.requestUri = text(p);
                case STATUS_CODE -> d.statusCode = integer(p);
                case SOURCE_IPS -> {
                    d.sourceIps = false;
                    d.firstSourceIp = null;
                    if (array(p) && p.nextToken() != JsonToken.END_ARRAY) {
                        d.sourceIps = true;
                        d.firstSourceIp = text(p);
                        p.skipChildren();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                        }
                    }
                }
                default -> throw new IllegalStateException(field.toString());
            }
        }
        return d;
    }

    private static Port port(JsonParser p) throws IOException {
        Integer port = null;
        String name = null;
        long seen = 0;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            p.nextToken();
            if (PORT.is(field)) {
                seen = once(seen, 0);
                port = integer(p);
            } else if (PORT_NAME.is(field)) {
                seen = once(seen, 1);
                name = text(p);
            } else {
                p.skipChildren();
            }
        }
        return new Port(port, name);
    }

    private static RemoteIp remoteIp(JsonParser p) throws IOException {
        String v4 = null;
        String v6 = null;
        Organization organization = Organization.UNKNOWN;
        String country = null;
        String city = null;
        long seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            RemoteField field = REMOTE_FIELDS.of(name);
            if (field == RemoteField.OTHER) {
                p.skipChildren();
                continue;
            }
            seen = once(seen, field.ordinal());
            switch (field) {
                case IP_ADDRESS_V4 -> v4 = text(p);
                case IP_ADDRESS_V6 -> v6 = text(p);
                case ORGANIZATION -> {
                    organization = Organization.UNKNOWN;
                    if (objectOrNull(p)) {
                        String[] v = texts(p, ORGANIZATION_NAMES);
                        organization = new Organization(v[0], v[1], v[2], v[3]);
                    }
                }
                case COUNTRY -> country = object(p) ? texts(p, COUNTRY_NAMES)[0] : null;
                case CITY -> city = object(p) ? texts(p, CITY_NAMES)[0] : null;
                default -> throw new IllegalStateException(field.toString());
            }
        }
        return new RemoteIp(v4 != null ? v4 : v6, organization, country, city);
    }
}
