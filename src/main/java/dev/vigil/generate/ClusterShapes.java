package dev.vigil.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/** The findings about managed services: EKS clusters (Kubernetes API calls) and RDS logins. */
final class ClusterShapes {

    private final long seed;
    private final RemoteHosts hosts;

    ClusterShapes(long seed, RemoteHosts hosts) {
        this.seed = seed;
        this.hosts = hosts;
    }

    void kubernetes(FindingKind kind, GeneratedAccount account, String region, ObjectNode resource,
                    ObjectNode service, ObjectNode info, SeededRandom random, FindingText text) {
        String cluster = account.team() + "-" + account.environment();
        String user = random.chance(0.5) ? "system:serviceaccount:kube-system:" + random.pick(List.of("default", "aws-node", "coredns"))
                : "arn:aws:sts::" + account.id() + ":assumed-role/eks-admin/" + random.pick(account.userNames());
        resource.put("resourceType", "EKSCluster");
        ObjectNode eks = resource.putObject("eksClusterDetails");
        eks.put("name", cluster);
        eks.put("arn", "arn:aws:eks:" + region + ":" + account.id() + ":cluster/" + cluster);
        eks.put("createdAt", BigDecimal.valueOf(1_650_000_000_000L + random.nextInt(900_000_000) * 10L, 3));
        eks.put("vpcId", "vpc-0" + SeededRandom.derived(seed, account.index(), 0x2).hex(16));
        eks.put("status", "ACTIVE");
        eks.set("tags", Documents.tags(List.of(new Tag("team", account.team()), new Tag("environment", account.environment()))));
        ObjectNode kubernetes = resource.putObject("kubernetesDetails");
        ObjectNode userDetails = kubernetes.putObject("kubernetesUserDetails");
        userDetails.put("username", user);
        userDetails.put("uid", random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        userDetails.putArray("groups").add("system:authenticated").add("system:masters");
        ObjectNode workload = kubernetes.putObject("kubernetesWorkloadDetails");
        String pod = random.pick(List.of("coredns", "aws-node", "api", "worker", "debug")) + "-" + random.hex(10) + "-" + random.hex(5);
        workload.put("name", pod);
        workload.put("type", "pods");
        workload.put("uid", random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        workload.put("namespace", kind.type().contains("KubeSystem") ? "kube-system" : random.pick(List.of("default", "apps", "monitoring")));
        workload.put("hostNetwork", false);
        ObjectNode container = workload.putArray("containers").addObject();
        container.put("name", pod.substring(0, pod.indexOf('-')));
        container.put("image", "public.ecr.aws/" + account.team() + "/" + pod.substring(0, pod.indexOf('-')) + ":1." + random.nextInt(30));
        container.put("imagePrefix", "public.ecr.aws");
        container.putObject("securityContext").put("privileged", kind.type().contains("Privileged"));
        RemoteHost remote = kind.type().contains("Tor") ? random.pick(hosts.torExits()) : RemoteHosts.publicIpv4(random);
        ObjectNode action = Documents.object();
        action.put("actionType", "KUBERNETES_API_CALL");
        ObjectNode call = action.putObject("kubernetesApiCallAction");
        call.put("requestUri", random.pick(List.of("/api/v1/namespaces/kube-system/secrets", "/api/v1/pods",
                "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", "/api/v1/namespaces/kube-system/pods/" + pod + "/exec")));
        call.put("verb", random.pick(List.of("get", "list", "create", "watch")));
        call.putArray("sourceIPs").add(remote.ip());
        call.put("userAgent", "kubectl/v1.30.2 (linux/amd64) kubernetes/39683505");
        call.set("remoteIpDetails", Documents.remoteIp(remote));
        call.put("statusCode", random.chance(0.8) ? 200 : 403);
        service.set("action", action);
        service.put("resourceRole", "TARGET");
        if (kind.type().contains("Tor")) {
            Documents.threatEvidence(service, info, random);
        }
        text.cluster = cluster;
        text.user = user;
        text.ip = remote.ip();
    }

    void rdsLogin(GeneratedAccount account, String region, ObjectNode resource, ObjectNode service,
                  ObjectNode info, SeededRandom random, FindingText text) {
        String database = account.team() + "-" + account.environment() + "-db";
        String user = random.pick(List.of("app_rw", "postgres", "analytics_ro", "migration"));
        resource.put("resourceType", "RDSDBInstance");
        ObjectNode details = resource.putObject("rdsDbInstanceDetails");
        details.put("dbInstanceIdentifier", database + "-instance-1");
        details.put("engine", "aurora-postgresql");
        details.put("engineVersion", "15.4");
        details.put("dbClusterIdentifier", database);
        details.put("dbInstanceArn", "arn:aws:rds:" + region + ":" + account.id() + ":db:" + database + "-instance-1");
        details.set("tags", Documents.tags(List.of(new Tag("team", account.team()))));
        ObjectNode userDetails = resource.putObject("rdsDbUserDetails");
        userDetails.put("user", user);
        userDetails.put("application", random.pick(List.of("psql", "DBeaver 24.1.3", "PostgreSQL JDBC Driver")));
        userDetails.put("database", account.team());
        userDetails.put("ssl", "TRUE");
        userDetails.put("authMethod", "PASSWORD");
        RemoteHost remote = RemoteHosts.publicIpv4(random);
        ObjectNode action = Documents.object();
        action.put("actionType", "RDS_LOGIN_ATTEMPT");
        ObjectNode attempt = action.putObject("rdsLoginAttemptAction");
        attempt.set("remoteIpDetails", Documents.remoteIp(remote));
        ObjectNode attributes = attempt.putArray("loginAttributes").addObject();
        attributes.put("user", user);
        attributes.put("application", userDetails.get("application").asText());
        attributes.put("failedLoginAttempts", random.nextInt(20));
        attributes.put("successfulLoginAttempts", random.between(1, 5));
        service.set("action", action);
        service.put("resourceRole", "TARGET");
        text.cluster = database;
        text.user = user;
        text.ip = remote.ip();
    }
}
