package dev.ossemu.it;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import dev.ossemu.OssEmulator;

/** Clients of the official Java SDK 3.x against an emulator, V1 or V4 signed. */
final class JavaSdkV3Clients {
  private JavaSdkV3Clients() {}

  static OSS client(OssEmulator oss, SignVersion version, String accessKeyId, String secret) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setSignatureVersion(version);
    // Errors are answers here, not transient faults: one attempt keeps the tests fast.
    conf.setMaxErrorRetry(0);
    conf.setConnectionTimeout(5_000);
    conf.setSocketTimeout(5_000);
    return OSSClientBuilder.create()
        .endpoint(oss.endpoint())
        .credentialsProvider(new DefaultCredentialProvider(accessKeyId, secret))
        .clientConfiguration(conf)
        .region(oss.region())
        .build();
  }
}
