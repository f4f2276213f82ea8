package dev.vigil.generate;

import java.util.List;

/**
 * The generated mix of finding types: the four the runbooks cover (NetworkPortUnusual the most frequent) and the
 * other families GuardDuty reports (EC2, IAM, S3, EKS, DNS, Runtime, RDS, attack sequences).
 */
final class FindingKinds {

    static final String NETWORK_PORT_UNUSUAL = "Behavior:EC2/NetworkPortUnusual";
    static final String ROOT_CREDENTIAL_USAGE = "Policy:IAMUser/RootCredentialUsage";
    static final String PORT_PROBE_UNPROTECTED_PORT = "Recon:EC2/PortProbeUnprotectedPort";
    static final String TOR_IP_CALLER = "UnauthorizedAccess:EC2/TorIPCaller";

    static final List<FindingKind> ALL = List.of(
            new FindingKind(NETWORK_PORT_UNUSUAL, 36, Shape.NETWORK_OUTBOUND, "5", "FlowLogs",
                    "Unusual outbound communication on port {port} from EC2 instance {instance}.",
                    "EC2 instance {instance} is communicating with a remote host {ip} on an unusual server port {port}."),
            new FindingKind(PORT_PROBE_UNPROTECTED_PORT, 9, Shape.PORT_PROBE, "2", "FlowLogs",
                    "Unprotected port on EC2 instance {instance} is being probed.",
                    "EC2 instance has an unprotected port which is being probed by a known malicious host."),
            new FindingKind(TOR_IP_CALLER, 6, Shape.NETWORK_INBOUND, "5", "FlowLogs",
                    "Tor Exit node is communicating with EC2 instance {instance}.",
                    "IP address {ip} on the Tor Anonymizing Proxy network is communicating with EC2 instance {instance}."),
            new FindingKind(ROOT_CREDENTIAL_USAGE, 5, Shape.IAM_API_CALL, "2", "CloudTrail",
                    "API {api} was invoked using root credentials.",
                    "API {api} was invoked using root credentials from IP address {ip}."),
            new FindingKind("UnauthorizedAccess:EC2/SSHBruteForce", 4, Shape.NETWORK_INBOUND, "2", "FlowLogs",
                    "{ip} is performing SSH brute force attacks against {instance}.",
                    "{ip} is performing SSH brute force attacks against {instance}. Brute force attacks are used to gain unauthorized access to your instance by guessing the SSH password."),
            new FindingKind("UnauthorizedAccess:EC2/RDPBruteForce", 1, Shape.NETWORK_INBOUND, "2", "FlowLogs",
                    "{ip} is performing RDP brute force attacks against {instance}.",
                    "{ip} is performing RDP brute force attacks against {instance}. Brute force attacks are used to gain unauthorized access to your instance by guessing the RDP password."),
            new FindingKind("Recon:EC2/Portscan", 2, Shape.NETWORK_OUTBOUND, "5", "FlowLogs",
                    "Outbound portscan from EC2 instance {instance}.",
                    "EC2 instance {instance} is performing outbound port scans against remote host {ip}."),
            new FindingKind("UnauthorizedAccess:EC2/TorClient", 1, Shape.NETWORK_OUTBOUND, "8", "FlowLogs",
                    "EC2 instance {instance} is communicating with Tor Entry node.",
                    "EC2 instance {instance} is communicating with IP address {ip} on the Tor Anonymizing Proxy network marked as an Entry node."),
            new FindingKind("Backdoor:EC2/C&CActivity.B", 1, Shape.NETWORK_OUTBOUND, "8", "FlowLogs",
                    "EC2 instance {instance} is communicating with a Command and Control server.",
                    "EC2 instance {instance} is communicating with IP address {ip}, a known Command and Control server."),
            new FindingKind("Behavior:EC2/TrafficVolumeUnusual", 2, Shape.NETWORK_OUTBOUND, "5", "FlowLogs",
                    "Unusual traffic volume from EC2 instance {instance} to remote host {ip}.",
                    "EC2 instance {instance} is generating unusually large amounts of network traffic to remote host {ip}."),
            new FindingKind("Backdoor:EC2/C&CActivity.B!DNS", 2, Shape.DNS, "8", "DnsLogs",
                    "Command and Control server domain name queried by EC2 instance {instance}.",
                    "EC2 instance {instance} is querying a domain name {domain} associated with a known Command & Control server."),
            new FindingKind("Trojan:EC2/DropPoint!DNS", 1, Shape.DNS, "5", "DnsLogs",
                    "Drop Point domain name queried by EC2 instance {instance}.",
                    "EC2 instance {instance} is querying a domain name {domain} of a remote host that is known to hold credentials and other stolen data captured by malware."),
            new FindingKind("CryptoCurrency:EC2/BitcoinTool.B!DNS", 2, Shape.DNS, "8", "DnsLogs",
                    "Bitcoin-related domain name queried by EC2 instance {instance}.",
                    "EC2 instance {instance} is querying a domain name {domain} that is associated with Bitcoin-related activity."),
            new FindingKind("Trojan:EC2/DGADomainRequest.C!DNS", 1, Shape.DNS, "8", "DnsLogs",
                    "Algorithmically generated domain name queried by EC2 instance {instance}.",
                    "EC2 instance {instance} is querying algorithmically generated domain {domain}. Such domains are commonly used by malware."),
            new FindingKind("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", 2, Shape.IAM_API_CALL, "8", "CloudTrail",
                    "Credentials for instance role {user} used from external IP address.",
                    "Credentials created exclusively for an EC2 instance using instance role {user} have been used from external IP address {ip}."),
            new FindingKind("Discovery:IAMUser/AnomalousBehavior", 3, Shape.IAM_API_CALL, "2", "CloudTrail",
                    "The user {user} is performing {api} actions that are not typical for this user.",
                    "APIs commonly used in Discovery tactics were invoked by user {user} under unusual circumstances."),
            new FindingKind("Recon:IAMUser/MaliciousIPCaller", 1, Shape.IAM_API_CALL, "5", "CloudTrail",
                    "Reconnaissance API {api} was invoked from a known malicious IP address.",
                    "API {api} commonly used in reconnaissance attacks was invoked from IP address {ip} on a custom threat list."),
            new FindingKind("Stealth:IAMUser/CloudTrailLoggingDisabled", 1, Shape.IAM_API_CALL, "2", "CloudTrail",
                    "AWS CloudTrail trail management-events was disabled.",
                    "AWS CloudTrail trail management-events was disabled by {user} calling {api} under unusual circumstances."),
            new FindingKind("PenTest:IAMUser/KaliLinux", 1, Shape.IAM_API_CALL, "5", "CloudTrail",
                    "API {api} was invoked from a Kali Linux computer.",
                    "API {api} was invoked by {user} from a Kali Linux computer at IP address {ip}."),
            new FindingKind("UnauthorizedAccess:IAMUser/TorIPCaller", 1, Shape.IAM_API_CALL, "5", "CloudTrail",
                    "API {api} was invoked from a Tor exit node IP address.",
                    "API {api} was invoked by {user} from Tor exit node IP address {ip}."),
            new FindingKind("Policy:S3/BucketBlockPublicAccessDisabled", 2, Shape.S3_API_CALL, "2", "CloudTrail",
                    "Amazon S3 Block Public Access was disabled for S3 bucket {bucket}.",
                    "Amazon S3 Block Public Access was disabled for S3 bucket {bucket} by {user} calling {api}."),
            new FindingKind("Exfiltration:S3/AnomalousBehavior", 1, Shape.S3_API_CALL, "8", "S3DataEvents",
                    "Unusual retrieval of objects from S3 bucket {bucket} by {user}.",
                    "An IAM entity invoked an S3 API ({api}) in a suspicious way on bucket {bucket}."),
            new FindingKind("Discovery:S3/TorIPCaller", 1, Shape.S3_API_CALL, "5", "S3DataEvents",
                    "The S3 API {api} was invoked from a Tor exit node IP address.",
                    "The S3 API {api} was invoked on bucket {bucket} from Tor exit node IP address {ip}."),
            new FindingKind("Discovery:Kubernetes/TorIPCaller", 1, Shape.KUBERNETES, "5", "EksAuditLogs",
                    "A Kubernetes API was invoked from a Tor exit node IP address in cluster {cluster}.",
                    "A Kubernetes API commonly used in Discovery tactics was invoked from Tor exit node IP address {ip} in EKS cluster {cluster}."),
            new FindingKind("Policy:Kubernetes/AdminAccessToDefaultServiceAccount", 1, Shape.KUBERNETES, "8", "EksAuditLogs",
                    "The default service account was granted admin privileges in cluster {cluster}.",
                    "The default service account in EKS cluster {cluster} was granted admin privileges."),
            new FindingKind("Execution:Kubernetes/ExecInKubeSystemPod", 1, Shape.KUBERNETES, "5", "EksAuditLogs",
                    "A command was executed inside a pod in the kube-system namespace of cluster {cluster}.",
                    "A command was executed inside a pod in the kube-system namespace of EKS cluster {cluster} by {user}."),
            new FindingKind("PrivilegeEscalation:Kubernetes/PrivilegedContainer", 1, Shape.KUBERNETES, "5", "EksAuditLogs",
                    "Privileged container with root level access launched in cluster {cluster}.",
                    "A privileged container with root level access was launched on EKS cluster {cluster} by {user}."),
            new FindingKind("Execution:Runtime/NewBinaryExecuted", 2, Shape.RUNTIME, "2", "RuntimeMonitoring",
                    "A newly created or recently modified binary file was executed on {instance}.",
                    "A newly created or recently modified binary file was executed in a container on EC2 instance {instance}."),
            new FindingKind("PrivilegeEscalation:Runtime/DockerSocketAccessed", 1, Shape.RUNTIME, "5", "RuntimeMonitoring",
                    "A process inside a container on {instance} communicated with the Docker socket.",
                    "A process inside a container on EC2 instance {instance} communicated with the Docker daemon socket."),
            new FindingKind("Execution:Runtime/ReverseShell", 1, Shape.RUNTIME, "8", "RuntimeMonitoring",
                    "A process on {instance} created a reverse shell.",
                    "A process in a container on EC2 instance {instance} created a reverse shell to {ip}."),
            new FindingKind("CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin", 1, Shape.RDS_LOGIN, "8", "RdsLoginEvents",
                    "A user logged in to RDS database {cluster} in an anomalous manner.",
                    "User {user} logged in successfully to RDS database {cluster} from {ip} in an anomalous manner."),
            new FindingKind("AttackSequence:IAM/CompromisedCredentials", 0.6, Shape.ATTACK_SEQUENCE, "9.2", "AttackSequence",
                    "Potential attack sequence involving compromised credentials of {user}.",
                    "A sequence of actions involving multiple signals by {user} indicates compromised AWS credentials."),
            new FindingKind("AttackSequence:S3/CompromisedData", 0.4, Shape.ATTACK_SEQUENCE, "9.5", "AttackSequence",
                    "Potential data compromise of S3 bucket {bucket}.",
                    "A sequence of actions involving multiple signals indicates potential data compromise of S3 bucket {bucket}."));

    private static final double TOTAL_WEIGHT = ALL.stream().mapToDouble(FindingKind::weight).sum();

    private FindingKinds() {
    }

    static FindingKind pick(SeededRandom random) {
        double draw = random.nextDouble() * TOTAL_WEIGHT;
        for (FindingKind kind : ALL) {
            draw -= kind.weight();
            if (draw < 0) {
                return kind;
            }
        }
        return ALL.get(ALL.size() - 1);
    }
}
