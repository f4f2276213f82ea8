package dev.vigil.generate;

/** How a finding type looks: which resource and which action GuardDuty fills in for it. */
enum Shape {
    /** Instance resource, NETWORK_CONNECTION action, OUTBOUND (the instance is the actor). */
    NETWORK_OUTBOUND,
    /** Instance resource, NETWORK_CONNECTION action, INBOUND (the instance is the target). */
    NETWORK_INBOUND,
    /** Instance resource, PORT_PROBE action with one or more probes. */
    PORT_PROBE,
    /** Instance resource, DNS_REQUEST action. */
    DNS,
    /** Access key resource, AWS_API_CALL action. */
    IAM_API_CALL,
    /** S3 bucket resource with the caller's access key, AWS_API_CALL action. */
    S3_API_CALL,
    /** EKS cluster resource with Kubernetes details, KUBERNETES_API_CALL action. */
    KUBERNETES,
    /** Instance and container resource, runtime details, no action. */
    RUNTIME,
    /** RDS instance resource, RDS_LOGIN_ATTEMPT action. */
    RDS_LOGIN,
    /** Access key or S3 resource, no action, the attack sequence in service.detection. */
    ATTACK_SEQUENCE
}
