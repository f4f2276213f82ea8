package dev.vigil.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The organization the findings come from: the three example accounts of the docs (111122223333 production,
 * 444455556666 development, 777788889999 staging) and more generated ones, each with its instances. Instances are
 * derived from (seed, account, index) when asked for, so a fleet of thousands costs no memory and an instance
 * looks the same in every finding about it.
 */
final class Fleet {

    private static final List<String> REGIONS =
            List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1");
    private static final List<String> TEAMS = List.of("observability", "payments", "platform", "data", "identity",
            "search", "ml", "web", "mobile-api", "security", "billing", "growth");
    private static final List<String> SERVICES = List.of("api", "worker", "web", "batch", "ingest", "search", "cache",
            "bastion", "flux", "prometheus", "grafana", "kafka", "db-proxy", "etl", "ml-train", "nginx", "queue");
    private static final List<String> INSTANCE_TYPES = List.of("t3.medium", "t3.large", "m5.large", "m5.xlarge",
            "m6i.2xlarge", "c5.xlarge", "c6g.large", "r5.large", "r6i.xlarge", "g5.xlarge", "t4g.small");
    private static final List<String> IMAGES = List.of(
            "Amazon Linux 2023 AMI 2023.6.20241121.0 x86_64 HVM kernel-6.1",
            "Amazon Linux 2 Kernel 5.10 AMI 2.0.20241113.1 x86_64 HVM gp2",
            "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2024-11-15",
            "Canonical, Ubuntu, 24.04 LTS, amd64 noble image build on 2024-10-22",
            "Bottlerocket OS 1.26.2 (aws-k8s-1.30)",
            "Amazon EKS optimized Amazon Linux 2023 node image for Kubernetes 1.30",
            "Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon");
    private static final List<String> GROUP_NAMES = List.of("default", "app-internal", "ssh-from-bastion", "web-public",
            "monitoring-scrape", "egress-standard", "eks-node", "db-clients");
    private static final List<String> ENVIRONMENTS = List.of("production", "production", "staging", "development",
            "development", "sandbox");
    private static final List<String> USER_NAMES = List.of("alice", "bob", "ci-deployer", "terraform", "carol",
            "dave", "backup-operator", "erin", "frank", "readonly-auditor", "grace", "heidi");
    /** Teams that pull from GitHub with Flux (outbound SSH to GitHub's git ranges is their habit). */
    private static final List<String> FLUX_TEAMS = List.of("observability", "platform");
    /** Instances of storefront-staging that examples/accounts.yaml declares exposed to the internet by design. */
    private static final List<String> EXPOSED_EXAMPLE_INSTANCES = List.of("i-0a1b2c3d4e5f60718", "i-0fedcba9876543210");
    private static final List<Integer> HABIT_PORTS = List.of(443, 443, 22, 5432, 6379, 9200, 8443, 3306, 27017, 9092, 123);

    private final long seed;
    private final List<GeneratedAccount> accounts;

    Fleet(long seed, int generatedAccounts) {
        this.seed = seed;
        List<GeneratedAccount> all = new ArrayList<>();
        // the example accounts of examples/accounts.yaml, with the same names, teams and environments
        all.add(account(0, "111122223333", "payments-prod", "payments", "production", 60));
        all.add(account(1, "444455556666", "platform-dev", "platform", "development", 60));
        all.add(account(2, "777788889999", "storefront-staging", "storefront", "staging", 60));
        SeededRandom random = SeededRandom.derived(seed, 0xACC);
        for (int i = 0; i < generatedAccounts; i++) {
            String team = random.pick(TEAMS);
            String environment = random.pick(ENVIRONMENTS);
            all.add(account(3 + i, random.digits(12), team + "-" + environment, team, environment,
                    random.between(5, 120)));
        }
        this.accounts = List.copyOf(all);
    }

    List<GeneratedAccount> accounts() {
        return accounts;
    }

    /** An account, the three example accounts drawn most often. */
    GeneratedAccount pickAccount(SeededRandom random) {
        if (random.chance(0.35)) {
            return accounts.get(random.nextInt(3));
        }
        return accounts.get(3 + random.skewed(accounts.size() - 3));
    }

    GeneratedInstance pickInstance(GeneratedAccount account, SeededRandom random) {
        return instance(account, random.skewed(account.instanceCount()));
    }

    GeneratedInstance instance(GeneratedAccount account, int index) {
        SeededRandom random = SeededRandom.derived(seed, account.index(), index, 0x1);
        String region = account.homeRegion();
        boolean exposedExample = account.index() == 2 && index < EXPOSED_EXAMPLE_INSTANCES.size();
        String service = exposedExample ? "web" : SERVICES.get((index * 7 + account.index()) % SERVICES.size());
        String image = random.pick(IMAGES);
        boolean windows = image.contains("Windows");
        SeededRandom accountRandom = SeededRandom.derived(seed, account.index(), 0x2);
        String vpcId = "vpc-0" + accountRandom.hex(16);
        List<GeneratedEni> interfaces = new ArrayList<>();
        int eniCount = random.chance(0.2) ? 2 : 1;
        for (int e = 0; e < eniCount; e++) {
            String privateIp = "10." + (account.index() % 250) + "." + random.between(0, 255) + "." + random.between(4, 254);
            String privateDns = "ip-" + privateIp.replace('.', '-')
                    + (region.equals("us-east-1") ? ".ec2.internal" : "." + region + ".compute.internal");
            String publicIp = null;
            String publicDns = null;
            if (e == 0 && (service.equals("bastion") || service.equals("web") || service.equals("nginx") || random.chance(0.25))) {
                int[] awsFirstOctets = {3, 13, 18, 34, 35, 44, 52, 54};
                publicIp = awsFirstOctets[random.nextInt(awsFirstOctets.length)] + "." + random.between(0, 255) + "."
                        + random.between(0, 255) + "." + random.between(1, 254);
                publicDns = "ec2-" + publicIp.replace('.', '-')
                        + (region.equals("us-east-1") ? ".compute-1.amazonaws.com" : "." + region + ".compute.amazonaws.com");
            }
            List<Tag> groups = new ArrayList<>();
            int groupCount = random.between(1, 3);
            for (int g = 0; g < groupCount; g++) {
                String name = GROUP_NAMES.get((random.nextInt(GROUP_NAMES.size()) + g) % GROUP_NAMES.size());
                groups.add(new Tag("sg-0" + SeededRandom.derived(seed, account.index(), name.hashCode()).hex(16), name));
            }
            interfaces.add(new GeneratedEni("eni-0" + random.hex(16), privateIp, privateDns, publicIp, publicDns,
                    "subnet-0" + random.hex(16), vpcId, groups,
                    random.chance(0.1) ? "2600:1f18:" + Integer.toHexString(random.between(1, 0xFFFF)) + "::"
                            + Integer.toHexString(random.between(1, 0xFFFF)) : null));
        }
        List<Tag> tags = new ArrayList<>();
        tags.add(new Tag("Name", service + "-" + account.environment() + "-" + index));
        tags.add(new Tag("team", account.team()));
        tags.add(new Tag("environment", account.environment()));
        tags.add(new Tag("service", service));
        tags.add(new Tag("owner", account.team() + "-oncall@example.com"));
        tags.add(new Tag("cost-center", "cc-" + (1000 + account.index() * 10)));
        boolean flux = FLUX_TEAMS.contains(account.team());
        tags.add(new Tag("managed-by", flux ? "flux" : "terraform"));
        tags.add(new Tag("app-version", "v" + random.between(1, 4) + "." + random.nextInt(30) + "." + random.nextInt(10)));
        tags.add(new Tag("backup-policy", random.chance(0.6) ? "daily-35d" : "none"));
        tags.add(new Tag("data-classification", random.chance(0.5) ? "internal" : "confidential"));
        if (image.contains("EKS") || image.contains("Bottlerocket")) {
            tags.add(new Tag("kubernetes.io/cluster/" + account.team() + "-" + account.environment(), "owned"));
            tags.add(new Tag("aws:autoscaling:groupName", "eks-" + account.team() + "-nodes-" + random.hex(8)));
        }
        List<Endpoint> habits = new ArrayList<>();
        int habitCount = random.between(1, 3);
        for (int h = 0; h < habitCount; h++) {
            if (flux && h == 0) {
                habits.add(new Endpoint(RemoteHosts.github(random), 22));
            } else {
                habits.add(new Endpoint(RemoteHosts.publicIpv4(random), random.pick(HABIT_PORTS)));
            }
        }
        long launchDay = 19_724 + random.nextInt(600); // 2024-01-01 plus up to 600 days
        String instanceId = "i-0" + random.hex(16);
        if (exposedExample) {
            instanceId = EXPOSED_EXAMPLE_INSTANCES.get(index);
        }
        return new GeneratedInstance(instanceId, random.pick(INSTANCE_TYPES), "ami-0" + random.hex(16),
                image, Timestamps.iso(launchDay * 86_400_000L + random.nextInt(86_400) * 1000L),
                region + (char) ('a' + random.nextInt(3)), windows ? "windows" : null,
                "arn:aws:iam::" + account.id() + ":instance-profile/" + service + "-" + account.environment(),
                "AIPA" + random.hex(17).toUpperCase(java.util.Locale.ROOT), interfaces, tags, habits);
    }

    private GeneratedAccount account(int index, String id, String name, String team, String environment,
                                     int instanceCount) {
        SeededRandom random = SeededRandom.derived(seed, index, 0x3);
        List<String> regions = new ArrayList<>();
        regions.add(index < 3 ? "us-east-1" : random.pick(REGIONS));
        if (random.chance(0.4)) {
            String second = random.pick(REGIONS);
            if (!regions.contains(second)) {
                regions.add(second);
            }
        }
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String user = random.pick(USER_NAMES);
            if (!users.contains(user)) {
                users.add(user);
            }
        }
        return new GeneratedAccount(index, id, name, team, environment, regions, random.hex(32), instanceCount, users);
    }
}
