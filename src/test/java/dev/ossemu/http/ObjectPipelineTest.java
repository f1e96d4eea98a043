package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.auth.Account;
import dev.ossemu.auth.Accounts;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.server.OssChannelInitializer;
import dev.ossemu.service.OssService;
import dev.ossemu.testing.RawRequest;
import dev.ossemu.testing.TestService;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Object uploads through the pipeline: streamed, bounded by the quota, released on refusal. */
class ObjectPipelineTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final long QUOTA = 256 * 1024;

  private final StorageQuota quota = new StorageQuota(QUOTA);
  private final ObjectStore objects = new InMemoryObjectStore(quota);
  private final InMemoryBucketStore buckets = new InMemoryBucketStore();
  private final OssService service =
      dev.ossemu.Wiring.service(
          new Accounts(List.of(TestService.OWNER)),
          new dev.ossemu.auth.StsCredentials(),
          TestService.REGION,
          CLOCK,
          buckets,
          objects,
          Set.of(),
          new dev.ossemu.admin.RequestJournal(0),
          new dev.ossemu.admin.Faults(),
          null);
  private final EmbeddedChannel server =
      new EmbeddedChannel(new OssChannelInitializer(service, quota, 1024, CLOCK));
  private final EmbeddedChannel client =
      new EmbeddedChannel(
          new io.netty.handler.codec.http.HttpResponseDecoder(),
          new io.netty.handler.codec.http.HttpObjectAggregator(1 << 20));

  ObjectPipelineTest() {
    Account owner = TestService.OWNER;
    buckets.createIfAbsent(
        new Bucket(
            "examplebucket",
            owner.ownerId(),
            "cn-hangzhou",
            CLOCK.instant(),
            "Standard",
            "LRS",
            "private",
            null));
  }

  @AfterEach
  void noLeaks() {
    assertThat(server.finishAndReleaseAll()).isFalse();
    assertThat(client.finishAndReleaseAll()).isFalse();
  }

  private io.netty.handler.codec.http.FullHttpResponse send(byte[]... pieces) {
    for (byte[] piece : pieces) {
      server.writeInbound(Unpooled.wrappedBuffer(piece));
    }
    ByteBuf out;
    while ((out = server.readOutbound()) != null) {
      client.writeInbound(out);
    }
    return client.readInbound();
  }

  private static String body(io.netty.handler.codec.http.FullHttpResponse response) {
    try {
      return response.content().toString(StandardCharsets.UTF_8);
    } finally {
      response.release();
    }
  }

  /**
   * GetObject of a stored body (issue 15): its bytes go out as one buffer of views of the stored
   * chunks, not a write per 64 KiB chunk, and that buffer holds the body's storage until Netty
   * releases it, so a delete while it waits in the channel's queue frees nothing under it.
   */
  @Test
  void sendsAStoredBodyInOneWriteThatHoldsItsStorageUntilReleased() {
    byte[] stored = new byte[200_000];
    new java.util.Random(7).nextBytes(stored);
    // Sent chunked, so stored in 64 KiB chunks (three off the heap, the rest on it): one write of
    // several chunks. Anonymous writes need a public-read-write bucket.
    buckets.update("examplebucket", b -> b.withAcl("public-read-write"));
    byte[] head =
        ("PUT /examplebucket/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(stored.length)
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    var put = send(head, stored, "\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(put.status().code()).isEqualTo(200);
    put.release();
    assertThat(objects.get("examplebucket", "big.bin").orElseThrow().blob().extents()).hasSize(4);

    server.writeInbound(
        Unpooled.wrappedBuffer(
            RawRequest.of("GET", "/examplebucket/big.bin").signV1(CLOCK).bytes()));
    List<ByteBuf> sent = new java.util.ArrayList<>();
    for (ByteBuf out = server.readOutbound(); out != null; out = server.readOutbound()) {
      sent.add(out);
    }
    try {
      List<ByteBuf> bodies =
          sent.subList(1, sent.size()).stream().filter(ByteBuf::isReadable).toList();
      assertThat(bodies).hasSize(1);
      assertThat(bodies.get(0).readableBytes()).isEqualTo(200_000);

      var delete = send(RawRequest.of("DELETE", "/examplebucket/big.bin").signV1(CLOCK).bytes());
      assertThat(delete.status().code()).isEqualTo(204);
      delete.release();
      assertThat(objects.get("examplebucket", "big.bin")).isEmpty();
      assertThat(quota.used()).isEqualTo(200_000); // still held by the bytes in flight
      assertThat(io.netty.buffer.ByteBufUtil.getBytes(bodies.get(0))).isEqualTo(stored);
    } finally {
      sent.forEach(ByteBuf::release);
    }
    assertThat(quota.used()).isZero();
  }

  @Test
  void storesAChunkedUploadAndAccountsItsBytes() {
    byte[] head =
        ("PUT /examplebucket/chunked.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    String chunk = "a".repeat(70_000);
    byte[] first =
        (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] end = "0\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    // Anonymous requests may write only to public-read-write buckets: make it one.
    buckets.update("examplebucket", b -> b.withAcl("public-read-write"));

    var response = send(head, first, first, end);

    assertThat(response.status().code()).isEqualTo(200);
    assertThat(response.headers().get("x-oss-hash-crc64ecma")).isNotEmpty();
    response.release();
    assertThat(objects.get("examplebucket", "chunked.bin").orElseThrow().size()).isEqualTo(140_000);
    assertThat(quota.used()).isEqualTo(140_000);
  }

  @Test
  void refusesAnUploadOverTheQuotaAndGivesTheSpaceBack() {
    buckets.update("examplebucket", b -> b.withAcl("public-read-write"));
    byte[] head =
        ("PUT /examplebucket/huge.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 300000\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);

    var response = send(head, new byte[300_000]);

    assertThat(response.status().code()).isEqualTo(507);
    assertThat(body(response)).contains("<Code>InsufficientStorage</Code>");
    assertThat(objects.get("examplebucket", "huge.bin")).isEmpty();
    assertThat(quota.used()).isZero();
    assertThat(server.isOpen()).isTrue();
  }

  @Test
  void givesTheSpaceOfARefusedUploadBack() {
    byte[] request =
        RawRequest.of("PUT", "/examplebucket/object.bin")
            .header("x-oss-server-side-encryption", "DES")
            .body("payload")
            .signV1(CLOCK)
            .bytes();

    var response = send(request);

    assertThat(response.status().code()).isEqualTo(400);
    assertThat(body(response)).contains("<Code>InvalidEncryptionAlgorithmError</Code>");
    assertThat(quota.used()).isZero();
  }

  @Test
  void refusesSseHeadersOnUploadPartAndAWrongContentMd5() {
    var initiated =
        send(RawRequest.of("POST", "/examplebucket/mp.bin?uploads").signV1(CLOCK).bytes());
    String xml = body(initiated);
    String uploadId = xml.substring(xml.indexOf("<UploadId>") + 10, xml.indexOf("</UploadId>"));

    var part =
        send(
            RawRequest.of("PUT", "/examplebucket/mp.bin?partNumber=1&uploadId=" + uploadId)
                .header("x-oss-server-side-encryption", "AES256")
                .body("part")
                .signV1(CLOCK)
                .bytes());
    assertThat(part.status().code()).isEqualTo(400);
    assertThat(body(part)).contains("<Code>InvalidArgument</Code>");

    var digest =
        send(
            RawRequest.of("PUT", "/examplebucket/digest.bin")
                .header("Content-MD5", Base64.getEncoder().encodeToString(new byte[16]))
                .body("payload")
                .signV1(CLOCK)
                .bytes());
    assertThat(digest.status().code()).isEqualTo(400);
    assertThat(body(digest)).contains("<Code>InvalidDigest</Code>");
    assertThat(objects.get("examplebucket", "digest.bin")).isEmpty();
    assertThat(quota.used()).isZero();
  }

  @Test
  void answersAMissingKeyOnHeadInXOssErrAndRefusesBadNames() {
    var head = send(RawRequest.of("HEAD", "/examplebucket/missing.txt").signV1(CLOCK).bytes());
    assertThat(head.status().code()).isEqualTo(404);
    String error =
        new String(
            Base64.getDecoder().decode(head.headers().get("x-oss-err")), StandardCharsets.UTF_8);
    head.release();
    assertThat(error).contains("<Code>NoSuchKey</Code>");

    var longKey =
        send(
            RawRequest.of("PUT", "/examplebucket/" + "k".repeat(1024))
                .body("x")
                .signV1(CLOCK)
                .bytes());
    assertThat(longKey.status().code()).isEqualTo(400);
    assertThat(longKey.headers().get("x-oss-ec")).isEqualTo("0016-00000003");
    assertThat(body(longKey)).contains("<Code>InvalidObjectName</Code>");

    var backslash =
        send(RawRequest.of("PUT", "/examplebucket/\\key").body("x").signV1(CLOCK).bytes());
    assertThat(backslash.status().code()).isEqualTo(400);
    assertThat(backslash.headers().get("x-oss-ec")).isEqualTo("0016-00000005");
    assertThat(body(backslash)).contains("<Code>InvalidObjectName</Code>");
    assertThat(objects.get("examplebucket", "\\key")).isEmpty();
  }

  @Test
  void refusesPartsListedOutOfOrder() {
    var initiated =
        send(RawRequest.of("POST", "/examplebucket/mp.bin?uploads").signV1(CLOCK).bytes());
    String xml = body(initiated);
    String uploadId = xml.substring(xml.indexOf("<UploadId>") + 10, xml.indexOf("</UploadId>"));
    for (int part = 1; part <= 2; part++) {
      send(RawRequest.of(
                  "PUT", "/examplebucket/mp.bin?partNumber=" + part + "&uploadId=" + uploadId)
              .body("p" + part)
              .signV1(CLOCK)
              .bytes())
          .release();
    }
    var complete =
        send(
            RawRequest.of("POST", "/examplebucket/mp.bin?uploadId=" + uploadId)
                .body(
                    "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>x</ETag></Part>"
                        + "<Part><PartNumber>1</PartNumber><ETag>y</ETag></Part>"
                        + "</CompleteMultipartUpload>")
                .signV1(CLOCK)
                .bytes());
    assertThat(complete.status().code()).isEqualTo(400);
    assertThat(complete.headers().get("x-oss-ec")).isEqualTo("0042-00000209");
    assertThat(body(complete)).contains("<Code>InvalidPartOrder</Code>", "<EC>0042-00000209</EC>");
    assertThat(objects.get("examplebucket", "mp.bin")).isEmpty();
  }

  @Test
  void forbidsOverwritingWhenAsked() {
    send(RawRequest.of("PUT", "/examplebucket/once.txt").body("first").signV1(CLOCK).bytes())
        .release();
    var again =
        send(
            RawRequest.of("PUT", "/examplebucket/once.txt")
                .header("x-oss-forbid-overwrite", "true")
                .body("second")
                .signV1(CLOCK)
                .bytes());
    assertThat(again.status().code()).isEqualTo(409);
    assertThat(again.headers().get("x-oss-ec")).isEqualTo("0026-00000002");
    assertThat(body(again)).contains("<Code>FileAlreadyExists</Code>");
    assertThat(objects.get("examplebucket", "once.txt").orElseThrow().size()).isEqualTo(5);
    assertThat(quota.used()).isEqualTo(5);
  }
}
