package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ObjectAcl;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.ObjectPermission;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import dev.ossemu.OssEmulator;
import dev.ossemu.testing.WireClient;
import dev.ossemu.testing.WireClient.Reply;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GetObjectACL and PutObjectACL with the Java SDK, the {@code x-oss-object-acl} header of every
 * upload, and what an object's ACL lets an anonymous caller do: the object's ACL wins over the
 * bucket's unless it is {@code default} (OSS's "Object ACLs" page).
 */
class ObjectAclIT {
  private static final String BUCKET = "object-acl";
  private static final byte[] BODY = "object acl".getBytes(StandardCharsets.UTF_8);

  private OssEmulator oss;
  private OSS owner;

  @BeforeEach
  void start() {
    oss =
        OssEmulator.builder()
            .account("test-access-key", "test-secret-key")
            .account("other-access-key", "other-secret-key")
            .bucket(BUCKET)
            .build()
            .start();
    owner = JavaSdkV3Clients.client(oss, SignVersion.V4, "test-access-key", "test-secret-key");
  }

  @AfterEach
  void stop() {
    owner.shutdown();
    oss.close();
  }

  private void put(String key) {
    owner.putObject(BUCKET, key, new ByteArrayInputStream(BODY));
  }

  private ObjectPermission acl(String key) {
    return owner.getObjectAcl(BUCKET, key).getPermission();
  }

  private static ObjectMetadata withAcl(CannedAccessControlList acl) {
    ObjectMetadata metadata = new ObjectMetadata();
    metadata.setObjectAcl(acl);
    return metadata;
  }

  @EachSignatureVersion
  void answersDefaultUntilSetThenEachCannedAcl(SignVersion version) {
    OSS client = JavaSdkV3Clients.client(oss, version, "test-access-key", "test-secret-key");
    try {
      put("k");
      String etag = client.getObjectMetadata(BUCKET, "k").getETag();
      ObjectAcl initial = client.getObjectAcl(BUCKET, "k");
      assertThat(initial.getPermission()).isEqualTo(ObjectPermission.Default);
      assertThat(initial.getOwner().getId()).isEqualTo(id());
      assertThat(initial.getOwner().getDisplayName()).isEqualTo(initial.getOwner().getId());
      for (CannedAccessControlList acl :
          List.of(
              CannedAccessControlList.Private,
              CannedAccessControlList.PublicRead,
              CannedAccessControlList.PublicReadWrite,
              CannedAccessControlList.Default)) {
        client.setObjectAcl(BUCKET, "k", acl);
        assertThat(client.getObjectAcl(BUCKET, "k").getPermission().toString())
            .isEqualTo(acl.toString());
      }
      // An ACL is no new content: body and ETag stay.
      assertThat(client.getObjectMetadata(BUCKET, "k").getETag()).isEqualTo(etag);
    } finally {
      client.shutdown();
    }
  }

  /** The owner id the emulator gives the first account, as GetBucketAcl reports it. */
  private String id() {
    return owner.getBucketAcl(BUCKET).getOwner().getId();
  }

  @Test
  void writesTheAccessControlPolicyDocumentAsOss() {
    put("k");
    owner.setObjectAcl(BUCKET, "k", CannedAccessControlList.PublicRead);
    Reply reply = wire("test-access-key", "test-secret-key").send("GET", BUCKET, "k", "acl");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/xml");
    assertThat(reply.text())
        .contains(
            "<AccessControlPolicy><Owner><ID>"
                + id()
                + "</ID><DisplayName>"
                + id()
                + "</DisplayName></Owner><AccessControlList><Grant>public-read</Grant>"
                + "</AccessControlList></AccessControlPolicy>");
  }

  @Test
  void everyUploadKeepsTheAclItIsSentWith() throws Exception {
    owner.putObject(
        BUCKET, "put", new ByteArrayInputStream(BODY), withAcl(CannedAccessControlList.PublicRead));
    assertThat(acl("put")).isEqualTo(ObjectPermission.PublicRead);

    CopyObjectRequest copy = new CopyObjectRequest(BUCKET, "put", BUCKET, "copy");
    copy.setNewObjectMetadata(withAcl(CannedAccessControlList.PublicReadWrite));
    owner.copyObject(copy);
    assertThat(acl("copy")).isEqualTo(ObjectPermission.PublicReadWrite);
    // A copy without the header does not take the source's ACL.
    owner.copyObject(BUCKET, "put", BUCKET, "plain-copy");
    assertThat(acl("plain-copy")).isEqualTo(ObjectPermission.Default);

    InitiateMultipartUploadRequest initiate =
        new InitiateMultipartUploadRequest(BUCKET, "multipart");
    initiate.setObjectMetadata(withAcl(CannedAccessControlList.Private));
    String uploadId = owner.initiateMultipartUpload(initiate).getUploadId();
    UploadPartRequest part = new UploadPartRequest(BUCKET, "multipart", uploadId, 1, null, 0);
    part.setInputStream(new ByteArrayInputStream(BODY));
    part.setPartSize(BODY.length);
    PartETag etag = owner.uploadPart(part).getPartETag();
    owner.completeMultipartUpload(
        new CompleteMultipartUploadRequest(
            BUCKET, "multipart", uploadId, new ArrayList<>(List.of(etag))));
    assertThat(acl("multipart")).isEqualTo(ObjectPermission.Private);

    owner.appendObject(
        new AppendObjectRequest(
                BUCKET,
                "append",
                new ByteArrayInputStream(BODY),
                withAcl(CannedAccessControlList.PublicRead))
            .withPosition(0L));
    assertThat(acl("append")).isEqualTo(ObjectPermission.PublicRead);
    assertThat(anonymous("GET", "append").statusCode()).isEqualTo(200);
    // A later append may change the ACL, not the metadata the first one fixed.
    ObjectMetadata second = withAcl(CannedAccessControlList.PublicReadWrite);
    second.addUserMetadata("later", "ignored");
    owner.appendObject(
        new AppendObjectRequest(BUCKET, "append", new ByteArrayInputStream(BODY), second)
            .withPosition((long) BODY.length));
    assertThat(acl("append")).isEqualTo(ObjectPermission.PublicReadWrite);
    assertThat(owner.getObjectMetadata(BUCKET, "append").getUserMetadata()).isEmpty();
    owner.appendObject(
        new AppendObjectRequest(BUCKET, "append", new ByteArrayInputStream(BODY))
            .withPosition(2L * BODY.length));
    assertThat(acl("append")).isEqualTo(ObjectPermission.PublicReadWrite);
  }

  @Test
  void refusesAnUnknownOrMissingAclAndChangesNothing() {
    put("k");
    owner.setObjectAcl(BUCKET, "k", CannedAccessControlList.PublicRead);
    WireClient wire = wire("test-access-key", "test-secret-key");
    for (Map<String, String> headers :
        List.of(Map.of("x-oss-object-acl", "authenticated-read"), Map.<String, String>of())) {
      Reply refused = wire.send("PUT", BUCKET, "k", "acl", "", headers, new byte[0]);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.text())
          .contains("<Code>InvalidArgument</Code>")
          .contains("<ArgumentName>x-oss-object-acl</ArgumentName>");
    }
    assertThat(acl("k")).isEqualTo(ObjectPermission.PublicRead);
    Reply badUpload =
        wire.send(
            "PUT", BUCKET, "other", "", "", Map.of("x-oss-object-acl", "public"), new byte[0]);
    assertThat(badUpload.status()).isEqualTo(400);
    assertThat(badUpload.text()).contains("<Code>InvalidArgument</Code>");
    assertThat(owner.doesObjectExist(BUCKET, "other")).isFalse();
  }

  @Test
  void aMissingKeyIsNoSuchKeyAndIsNotCreated() {
    OSSException set =
        catchThrowableOfType(
            OSSException.class,
            () -> owner.setObjectAcl(BUCKET, "absent", CannedAccessControlList.PublicRead));
    assertThat(set.getErrorCode()).isEqualTo("NoSuchKey");
    OSSException get =
        catchThrowableOfType(OSSException.class, () -> owner.getObjectAcl(BUCKET, "absent"));
    assertThat(get.getErrorCode()).isEqualTo("NoSuchKey");
    assertThat(owner.doesObjectExist(BUCKET, "absent")).isFalse();
  }

  @Test
  void onlyTheOwnerReadsOrSetsAnObjectsAcl() throws Exception {
    put("k");
    owner.setObjectAcl(BUCKET, "k", CannedAccessControlList.PublicReadWrite);
    OSS other =
        JavaSdkV3Clients.client(oss, SignVersion.V4, "other-access-key", "other-secret-key");
    try {
      OSSException get =
          catchThrowableOfType(OSSException.class, () -> other.getObjectAcl(BUCKET, "k"));
      assertThat(get.getErrorCode()).isEqualTo("AccessDenied");
      assertThat(get.getEC()).isEqualTo("0003-00000007");
      OSSException set =
          catchThrowableOfType(
              OSSException.class,
              () -> other.setObjectAcl(BUCKET, "k", CannedAccessControlList.Private));
      assertThat(set.getErrorCode()).isEqualTo("AccessDenied");
      assertThat(set.getEC()).isEqualTo("0003-00000008");
    } finally {
      other.shutdown();
    }
    assertThat(anonymous("GET", "k?acl").statusCode()).isEqualTo(403);
    assertThat(acl("k")).isEqualTo(ObjectPermission.PublicReadWrite);
  }

  @Test
  void theObjectsAclDecidesAnonymousAccessUnlessItIsDefault() throws Exception {
    put("inherits");
    put("readable");
    owner.setObjectAcl(BUCKET, "readable", CannedAccessControlList.PublicRead);
    put("writable");
    owner.setObjectAcl(BUCKET, "writable", CannedAccessControlList.PublicReadWrite);

    // A private bucket: only the objects' own ACLs open them.
    assertThat(anonymous("GET", "inherits").statusCode()).isEqualTo(403);
    HttpResponse<String> read = anonymous("GET", "readable");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo("object acl");
    assertThat(anonymous("HEAD", "readable").statusCode()).isEqualTo(200);
    assertThat(anonymous("PUT", "readable").statusCode()).isEqualTo(403);
    assertThat(anonymous("DELETE", "readable").statusCode()).isEqualTo(403);
    assertThat(anonymous("PUT", "writable").statusCode()).isEqualTo(200);
    assertThat(owner.getObjectMetadata(BUCKET, "writable").getContentLength()).isEqualTo(3);
    // The overwrite is a new object: its ACL is its upload's, here none.
    assertThat(acl("writable")).isEqualTo(ObjectPermission.Default);
    assertThat(anonymous("DELETE", "writable").statusCode()).isEqualTo(403);
    owner.setObjectAcl(BUCKET, "writable", CannedAccessControlList.PublicReadWrite);
    assertThat(anonymous("DELETE", "writable").statusCode()).isEqualTo(204);
    assertThat(owner.doesObjectExist(BUCKET, "writable")).isFalse();

    // A public bucket: a private object stays closed, a default one follows the bucket.
    owner.setBucketAcl(BUCKET, CannedAccessControlList.PublicReadWrite);
    owner.setObjectAcl(BUCKET, "readable", CannedAccessControlList.Private);
    assertThat(anonymous("GET", "readable").statusCode()).isEqualTo(403);
    assertThat(anonymous("PUT", "readable").statusCode()).isEqualTo(403);
    assertThat(owner.getObjectMetadata(BUCKET, "readable").getContentLength())
        .isEqualTo(BODY.length);
    assertThat(anonymous("GET", "inherits").statusCode()).isEqualTo(200);
    assertThat(anonymous("PUT", "inherits").statusCode()).isEqualTo(200);
  }

  @Test
  void anAclSurvivesARestartWithADataDirectory(@TempDir Path dir) {
    OssEmulator first = OssEmulator.builder().bucket(BUCKET).dataDir(dir).build().start();
    OSS client =
        JavaSdkV3Clients.client(
            first, SignVersion.V4, first.accessKeyId(), first.accessKeySecret());
    try {
      client.putObject(
          BUCKET,
          "uploaded",
          new ByteArrayInputStream(BODY),
          withAcl(CannedAccessControlList.PublicRead));
      client.putObject(BUCKET, "set", new ByteArrayInputStream(BODY));
      client.setObjectAcl(BUCKET, "set", CannedAccessControlList.PublicReadWrite);
    } finally {
      client.shutdown();
      first.close();
    }
    OssEmulator second = OssEmulator.builder().dataDir(dir).build().start();
    client =
        JavaSdkV3Clients.client(
            second, SignVersion.V4, second.accessKeyId(), second.accessKeySecret());
    try {
      assertThat(client.getObjectAcl(BUCKET, "uploaded").getPermission())
          .isEqualTo(ObjectPermission.PublicRead);
      assertThat(client.getObjectAcl(BUCKET, "set").getPermission())
          .isEqualTo(ObjectPermission.PublicReadWrite);
      assertThat(client.getObject(BUCKET, "set").getObjectMetadata().getContentLength())
          .isEqualTo(BODY.length);
    } finally {
      client.shutdown();
      second.close();
    }
  }

  private WireClient wire(String id, String secret) {
    return new WireClient(oss.port(), id, secret);
  }

  /** An unsigned request; a PUT sends three bytes. */
  private HttpResponse<String> anonymous(String method, String keyAndQuery) throws Exception {
    HttpRequest.BodyPublisher body =
        "PUT".equals(method)
            ? HttpRequest.BodyPublishers.ofString("new")
            : HttpRequest.BodyPublishers.noBody();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(oss.endpoint() + "/" + BUCKET + "/" + keyAndQuery))
            .method(method, body)
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
