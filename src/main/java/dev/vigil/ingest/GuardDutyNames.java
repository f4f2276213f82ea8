package dev.vigil.ingest;

/**
 * The GuardDuty finding fields Vigil reads, each in camelCase and PascalCase.
 * <p>
 * The botocore model ({@code guardduty/2017-11-28/service-2.json}) gives every member a PascalCase name and a camelCase
 * {@code locationName}. Walking every shape reachable from {@code Finding}, all members re-case their name except these,
 * which are renamed (PascalCase member -> camelCase wire name):
 * {@code ProductCode.Code -> productCodeId}, {@code ProductCode.ProductType -> productCodeType},
 * {@code KubernetesApiCallAction.SourceIps -> sourceIPs}, {@code NetworkGeoLocation.Latitude -> lat},
 * {@code NetworkGeoLocation.Longitude -> lon}, {@code EcsTaskDetails.TaskCreatedAt -> createdAt},
 * {@code KubernetesWorkload.KubernetesResourcesTypes -> type}, {@code Account.Name -> account};
 * and {@code Ec2Instance.IamInstanceProfile}, {@code RdsLoginAttemptAction.LoginAttributes} keep PascalCase on the wire.
 * The renamed ones Vigil reads are declared with {@link Key#renamed}.
 */
final class GuardDutyNames {

    private GuardDutyNames() {
    }

    // finding
    static final Key ID = Key.of("id");
    static final Key ARN = Key.of("arn");
    static final Key TYPE = Key.of("type");
    static final Key ACCOUNT_ID = Key.of("accountId");
    static final Key REGION = Key.of("region");
    static final Key PARTITION = Key.of("partition");
    static final Key TITLE = Key.of("title");
    static final Key DESCRIPTION = Key.of("description");
    static final Key CREATED_AT = Key.of("createdAt");
    static final Key UPDATED_AT = Key.of("updatedAt");
    static final Key SEVERITY = Key.of("severity");
    static final Key SCHEMA_VERSION = Key.of("schemaVersion");
    static final Key RESOURCE = Key.of("resource");
    static final Key SERVICE = Key.of("service");

    // service
    static final Key ACTION = Key.of("action");
    static final Key EVENT_FIRST_SEEN = Key.of("eventFirstSeen");
    static final Key EVENT_LAST_SEEN = Key.of("eventLastSeen");
    static final Key COUNT = Key.of("count");
    static final Key ARCHIVED = Key.of("archived");
    static final Key ADDITIONAL_INFO = Key.of("additionalInfo");
    static final Key VALUE = Key.of("value");
    static final Key SAMPLE = Key.of("sample");

    // resource
    static final Key RESOURCE_TYPE = Key.of("resourceType");
    static final Key INSTANCE_DETAILS = Key.of("instanceDetails");
    static final Key INSTANCE_ID = Key.of("instanceId");
    static final Key INSTANCE_TYPE = Key.of("instanceType");
    static final Key IMAGE_ID = Key.of("imageId");
    static final Key INSTANCE_STATE = Key.of("instanceState");
    static final Key AVAILABILITY_ZONE = Key.of("availabilityZone");
    static final Key TAGS = Key.of("tags");
    static final Key KEY = Key.of("key");
    static final Key NETWORK_INTERFACES = Key.of("networkInterfaces");
    static final Key NETWORK_INTERFACE_ID = Key.of("networkInterfaceId");
    static final Key PRIVATE_IP_ADDRESS = Key.of("privateIpAddress");
    static final Key PRIVATE_IP_ADDRESSES = Key.of("privateIpAddresses");
    static final Key PUBLIC_IP = Key.of("publicIp");
    static final Key VPC_ID = Key.of("vpcId");
    static final Key SUBNET_ID = Key.of("subnetId");
    static final Key SECURITY_GROUPS = Key.of("securityGroups");
    static final Key GROUP_ID = Key.of("groupId");
    static final Key GROUP_NAME = Key.of("groupName");
    static final Key ACCESS_KEY_DETAILS = Key.of("accessKeyDetails");
    static final Key ACCESS_KEY_ID = Key.of("accessKeyId");
    static final Key PRINCIPAL_ID = Key.of("principalId");
    static final Key USER_NAME = Key.of("userName");
    static final Key USER_TYPE = Key.of("userType");
    static final Key S3_BUCKET_DETAILS = Key.of("s3BucketDetails");
    static final Key NAME = Key.of("name");
    static final Key EKS_CLUSTER_DETAILS = Key.of("eksClusterDetails");
    static final Key ECS_CLUSTER_DETAILS = Key.of("ecsClusterDetails");
    static final Key TASK_DETAILS = Key.of("taskDetails");
    static final Key DEFINITION_ARN = Key.of("definitionArn");
    static final Key CONTAINER_DETAILS = Key.of("containerDetails");
    static final Key IMAGE = Key.of("image");
    static final Key KUBERNETES_DETAILS = Key.of("kubernetesDetails");
    static final Key KUBERNETES_WORKLOAD_DETAILS = Key.of("kubernetesWorkloadDetails");
    static final Key NAMESPACE = Key.of("namespace");
    static final Key UID = Key.of("uid");
    static final Key RDS_DB_INSTANCE_DETAILS = Key.of("rdsDbInstanceDetails");
    static final Key DB_INSTANCE_IDENTIFIER = Key.of("dbInstanceIdentifier");
    static final Key DB_INSTANCE_ARN = Key.of("dbInstanceArn");
    static final Key DB_CLUSTER_IDENTIFIER = Key.of("dbClusterIdentifier");
    static final Key LAMBDA_DETAILS = Key.of("lambdaDetails");
    static final Key FUNCTION_NAME = Key.of("functionName");
    static final Key FUNCTION_ARN = Key.of("functionArn");
    static final Key EBS_VOLUME_DETAILS = Key.of("ebsVolumeDetails");
    static final Key SCANNED_VOLUME_DETAILS = Key.of("scannedVolumeDetails");
    static final Key VOLUME_ARN = Key.of("volumeArn");
    static final Key DEVICE_NAME = Key.of("deviceName");

    // actions
    static final Key ACTION_TYPE = Key.of("actionType");
    static final Key NETWORK_CONNECTION_ACTION = Key.of("networkConnectionAction");
    static final Key CONNECTION_DIRECTION = Key.of("connectionDirection");
    static final Key PROTOCOL = Key.of("protocol");
    static final Key BLOCKED = Key.of("blocked");
    static final Key LOCAL_IP_DETAILS = Key.of("localIpDetails");
    static final Key LOCAL_PORT_DETAILS = Key.of("localPortDetails");
    static final Key REMOTE_IP_DETAILS = Key.of("remoteIpDetails");
    static final Key REMOTE_PORT_DETAILS = Key.of("remotePortDetails");
    static final Key PORT = Key.of("port");
    static final Key PORT_NAME = Key.of("portName");
    static final Key IP_ADDRESS_V4 = Key.of("ipAddressV4");
    static final Key IP_ADDRESS_V6 = Key.of("ipAddressV6");
    static final Key ORGANIZATION = Key.of("organization");
    static final Key ASN = Key.of("asn");
    static final Key ASN_ORG = Key.of("asnOrg");
    static final Key ISP = Key.of("isp");
    static final Key ORG = Key.of("org");
    static final Key COUNTRY = Key.of("country");
    static final Key COUNTRY_NAME = Key.of("countryName");
    static final Key CITY = Key.of("city");
    static final Key CITY_NAME = Key.of("cityName");
    static final Key PORT_PROBE_ACTION = Key.of("portProbeAction");
    static final Key PORT_PROBE_DETAILS = Key.of("portProbeDetails");
    static final Key AWS_API_CALL_ACTION = Key.of("awsApiCallAction");
    static final Key API = Key.of("api");
    static final Key SERVICE_NAME = Key.of("serviceName");
    static final Key CALLER_TYPE = Key.of("callerType");
    static final Key ERROR_CODE = Key.of("errorCode");
    static final Key USER_AGENT = Key.of("userAgent");
    static final Key DOMAIN_DETAILS = Key.of("domainDetails");
    static final Key DOMAIN = Key.of("domain");
    static final Key DNS_REQUEST_ACTION = Key.of("dnsRequestAction");
    static final Key KUBERNETES_API_CALL_ACTION = Key.of("kubernetesApiCallAction");
    static final Key VERB = Key.of("verb");
    static final Key REQUEST_URI = Key.of("requestUri");
    static final Key STATUS_CODE = Key.of("statusCode");
    static final Key SOURCE_IPS = Key.renamed("sourceIPs", "SourceIps");
    static final Key RDS_LOGIN_ATTEMPT_ACTION = Key.of("rdsLoginAttemptAction");
}
