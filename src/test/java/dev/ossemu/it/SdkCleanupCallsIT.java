package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.ListVersionsRequest;
import com.aliyun.oss.model.OSSVersionSummary;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import com.aliyun.oss.model.VersionListing;
import dev.ossemu.OssEmulator;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls SDK clean-up code makes on every bucket (the Go and Python suites' tear-downs), for a
 * bucket without live channels that was never versioned.
 */
class SdkCleanupCallsIT {
  private static final String BUCKET = "cleanup-calls";
  private OssEmulator oss;
  private OSS client;

  @BeforeEach
  void start() {
    oss = OssEmulator.builder().bucket(BUCKET).build().start();
    client = JavaSdkV3Clients.client(oss, SignVersion.V4, oss.accessKeyId(), oss.accessKeySecret());
  }

  @AfterEach
  void stop() {
    client.shutdown();
    oss.close();
  }

  @Test
  void listsNoLiveChannel() {
    assertThat(client.listLiveChannels(BUCKET)).isEmpty();
  }

  @Test
  void answersAnEmptyVersioningConfigurationAndRefusesToSetOne() {
    BucketVersioningConfiguration configuration = client.getBucketVersioning(BUCKET);

    assertThat(configuration.getStatus()).isNull();
    BucketVersioningConfiguration enable = new BucketVersioningConfiguration("Enabled");
    OSSException refused =
        catchThrowableOfType(
            OSSException.class,
            () -> client.setBucketVersioning(new SetBucketVersioningRequest(BUCKET, enable)));
    assertThat(refused.getErrorCode()).isEqualTo("NotImplemented");
  }

  @Test
  void listsEveryCurrentObjectAsItsOnlyVersionWithVersionIdNull() {
    client.putObject(BUCKET, "b", new ByteArrayInputStream("bb".getBytes()));
    client.putObject(BUCKET, "a", new ByteArrayInputStream("a".getBytes()));
    client.putObject(BUCKET, "c", new ByteArrayInputStream("c".getBytes()));

    ListVersionsRequest request =
        new ListVersionsRequest().withBucketName(BUCKET).withMaxResults(2);
    VersionListing first = client.listVersions(request);

    assertThat(first.getVersionSummaries())
        .extracting(
            OSSVersionSummary::getKey, OSSVersionSummary::getVersionId, OSSVersionSummary::isLatest)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", "null", true),
            org.assertj.core.groups.Tuple.tuple("b", "null", true));
    assertThat(first.getVersionSummaries().get(1).getSize()).isEqualTo(2);
    assertThat(first.isTruncated()).isTrue();
    request.setKeyMarker(first.getNextKeyMarker());
    request.setVersionIdMarker(first.getNextVersionIdMarker());
    VersionListing second = client.listVersions(request);
    assertThat(second.getVersionSummaries())
        .extracting(OSSVersionSummary::getKey)
        .containsExactly("c");
    assertThat(second.isTruncated()).isFalse();
  }
}
