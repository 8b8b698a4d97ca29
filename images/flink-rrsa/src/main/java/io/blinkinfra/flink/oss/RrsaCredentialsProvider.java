package io.blinkinfra.flink.oss;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.Config;
import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.oss.common.auth.Credentials;
import com.aliyun.oss.common.auth.CredentialsProvider;
import com.aliyun.oss.common.auth.DefaultCredentials;

/**
 * OSS credentials for Flink's OSS filesystem (flink-oss-fs-hadoop) from ACK's RRSA: the pod identity
 * webhook sets ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE,
 * and Alibaba Cloud's credentials library exchanges the token for STS credentials
 * (AssumeRoleWithOIDC), refreshing them before they expire.
 *
 * STS is asked at the region's VPC endpoint (sts-vpc.<region>.aliyuncs.com) when ALIBABA_CLOUD_STS_REGION and
 * ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true are set, as BlinkInfra sets them on every Flink and operator pod: the
 * library's own default is STS's public endpoint, which a cluster without internet egress cannot reach. Newer
 * credentials-java versions read the same two variables themselves; the endpoint is set here so older ones do too.
 *
 * Hadoop's AliyunOSSUtils instantiates the class named by fs.oss.credentials.provider through a
 * no-argument (or Configuration) constructor and asks it for credentials on every request.
 */
public final class RrsaCredentialsProvider implements CredentialsProvider {
    private final Client client;

    public RrsaCredentialsProvider() {
        Config config = new Config();
        config.setType("oidc_role_arn");
        config.setRoleArn(required("ALIBABA_CLOUD_ROLE_ARN"));
        config.setOidcProviderArn(required("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"));
        config.setOidcTokenFilePath(required("ALIBABA_CLOUD_OIDC_TOKEN_FILE"));
        config.setRoleSessionName("blink-flink");
        String stsEndpoint = stsEndpoint(System.getenv("ALIBABA_CLOUD_STS_REGION"), System.getenv("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"));
        if (stsEndpoint != null) {
            config.setSTSEndpoint(stsEndpoint);
        }
        this.client = new Client(config);
    }

    @Override
    public void setCredentials(Credentials credentials) {
        throw new UnsupportedOperationException("RRSA credentials come from the pod's OIDC token");
    }

    @Override
    public Credentials getCredentials() {
        CredentialModel credential = client.getCredential();
        return new DefaultCredentials(credential.getAccessKeyId(), credential.getAccessKeySecret(), credential.getSecurityToken());
    }

    /** STS's endpoint for the region, its VPC one when asked for; null (the library's default) without a region. */
    static String stsEndpoint(String region, String vpcEnabled) {
        if (region == null || region.isEmpty()) {
            return null;
        }
        return ("true".equalsIgnoreCase(vpcEnabled) ? "sts-vpc." : "sts.") + region + ".aliyuncs.com";
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set: is the namespace labelled pod-identity.alibabacloud.com/injection=on and the service account annotated with its RAM role?");
        }
        return value;
    }
}
