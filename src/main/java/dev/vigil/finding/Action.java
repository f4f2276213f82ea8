package dev.vigil.finding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What was observed. GuardDuty's action types; some findings have none. */
public sealed interface Action {

    /** GuardDuty's name for the action type, e.g. {@code NETWORK_CONNECTION}. */
    @JsonProperty("actionType")
    String actionType();

    /** The remote endpoints involved, in the order GuardDuty lists them. */
    @JsonIgnore
    List<RemoteEndpoint> remotes();

    /** A network connection to or from the resource. {@code direction} is {@code INBOUND}, {@code OUTBOUND} or {@code UNKNOWN}. */
    record NetworkConnection(String direction, String protocol, String localIp, Integer localPort, String localPortName,
                             RemoteEndpoint remote, boolean blocked) implements Action {
        @Override
        public String actionType() {
            return "NETWORK_CONNECTION";
        }

        @Override
        public List<RemoteEndpoint> remotes() {
            return remote == null ? List.of() : List.of(remote);
        }
    }

    /** Unprotected local ports being probed; each probe names the local port and the remote prober. */
    record PortProbe(List<Probe> probes, boolean blocked) implements Action {
        public PortProbe {
            probes = probes == null ? List.of() : List.copyOf(probes);
        }

        @Override
        public String actionType() {
            return "PORT_PROBE";
        }

        @Override
        public List<RemoteEndpoint> remotes() {
            // a loop, not a stream: asked for every finding (its scope, its history), and most name one prober
            List<RemoteEndpoint> remotes = null;
            RemoteEndpoint first = null;
            for (Probe probe : probes) {
                RemoteEndpoint remote = probe.remote();
                if (remote == null) {
                    continue;
                }
                if (first == null) {
                    first = remote;
                } else {
                    if (remotes == null) {
                        remotes = new ArrayList<>(probes.size());
                        remotes.add(first);
                    }
                    remotes.add(remote);
                }
            }
            return remotes != null ? Collections.unmodifiableList(remotes) : first != null ? List.of(first) : List.of();
        }
    }

    /** One probed local port and who probed it. */
    record Probe(Integer localPort, String localPortName, RemoteEndpoint remote) {
    }

    /** An AWS API call. {@code callerType} is e.g. {@code Remote IP} or {@code Domain}. */
    record AwsApiCall(String api, String serviceName, String callerType, RemoteEndpoint remote, String errorCode,
                      String userAgent) implements Action {
        @Override
        public String actionType() {
            return "AWS_API_CALL";
        }

        @Override
        public List<RemoteEndpoint> remotes() {
            return remote == null ? List.of() : List.of(remote);
        }
    }

    /** A DNS request made from the resource. */
    record DnsRequest(String domain, String protocol, boolean blocked) implements Action {
        @Override
        public String actionType() {
            return "DNS_REQUEST";
        }

        @Override
        public List<RemoteEndpoint> remotes() {
            return List.of();
        }
    }

    /** A Kubernetes API call. */
    record KubernetesApiCall(String verb, String requestUri, String userAgent, Integer statusCode, RemoteEndpoint remote)
            implements Action {
        @Override
        public String actionType() {
            return "KUBERNETES_API_CALL";
        }

        @Override
        public List<RemoteEndpoint> remotes() {
            return remote == null ? List.of() : List.of(remote);
        }
    }

    /** Another GuardDuty action type Vigil reads by name and remote side only (e.g. {@code RDS_LOGIN_ATTEMPT}). */
    record Other(String actionType, RemoteEndpoint remote) implements Action {
        @Override
        public List<RemoteEndpoint> remotes() {
            return remote == null ? List.of() : List.of(remote);
        }
    }

    /** No action: runtime, malware, policy and attack-sequence findings often have none. */
    record None() implements Action {
        @Override
        public String actionType() {
            return "NONE";
        }

        @Override
        public List<RemoteEndpoint> remotes() {
            return List.of();
        }
    }
}
