package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectEncryption;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every bucket and object store must do, in memory or on disk: one suite, run against each.
 */
abstract class StoreContract {
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  protected final StorageQuota quota = new StorageQuota(1 << 20);

  abstract BucketStore buckets();

  abstract ObjectStore objects();

  static Bucket bucket(String name, EncryptionRule rule) {
    return new Bucket(
        name, "1234567890123456", "cn-hangzhou", NOW, "Standard", "LRS", "private", rule);
  }

  Blob blob(String text) {
    BlobBuilder builder = new BlobBuilder(quota);
    builder.append(text.getBytes(StandardCharsets.UTF_8));
    return builder.build();
  }

  OssObject object(String key, String text) {
    Blob blob = blob(text);
    return new OssObject(
        key,
        blob,
        blob.etag(),
        NOW,
        "Normal",
        Map.of("Content-Type", "text/plain"),
        Map.of("x-oss-meta-author", "alice"),
        "default",
        "Standard",
        new ObjectEncryption(SseAlgorithm.KMS, "key-1", "SM4"));
  }

  /** Stores an object as an operation does: the store takes its own reference, we drop ours. */
  static void put(ObjectStore store, String bucket, OssObject object) {
    try {
      store.update(bucket, object.key(), current -> object);
    } finally {
      object.blob().release();
    }
  }

  static void putPart(ObjectStore store, MultipartUpload upload, int number, Blob body) {
    try {
      store.putPart("b1", upload, new MultipartUpload.Part(number, body, NOW));
    } finally {
      body.release();
    }
  }

  static String text(OssObject object) {
    return new String(object.blob().toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void createsUpdatesAndDeletesBuckets() {
    BucketStore store = buckets();
    assertThat(store.createIfAbsent(bucket("b1", null))).isNull();
    assertThat(store.createIfAbsent(bucket("b1", EncryptionRule.of(SseAlgorithm.SM4)))).isNotNull();
    store.update("b1", b -> b.withEncryption(EncryptionRule.of(SseAlgorithm.AES256)));
    assertThat(store.find("b1").orElseThrow().encryption())
        .isEqualTo(EncryptionRule.of(SseAlgorithm.AES256));
    assertThatThrownBy(
            () ->
                store.update(
                    "b1",
                    b -> {
                      throw new IllegalStateException("no");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.find("b1").orElseThrow().encryption())
        .isEqualTo(EncryptionRule.of(SseAlgorithm.AES256));
    assertThat(store.update("missing", b -> b)).isEmpty();
    store.createIfAbsent(bucket("a0", null));
    assertThat(store.list()).extracting(Bucket::name).containsExactly("a0", "b1");
    assertThat(store.delete("b1")).isTrue();
    assertThat(store.delete("b1")).isFalse();
  }

  @Test
  void storesReplacesAndDeletesObjectsInKeyOrder() {
    ObjectStore store = objects();
    store.createBucket("b1");
    put(store, "b1", object("z", "last"));
    put(store, "b1", object("é", "accent"));
    put(store, "b1", object("a", "first"));
    put(store, "b1", object("a", "second"));
    assertThat(text(store.get("b1", "a").orElseThrow())).isEqualTo("second");
    assertThat(store.objectsFrom("b1", "").keySet()).containsExactly("a", "z", "é");
    assertThat(quota.used()).isEqualTo("second".length() + "last".length() + "accent".length());
    assertThat(store.delete("b1", "a")).isTrue();
    assertThat(store.get("b1", "a")).isEmpty();
    assertThat(store.isEmpty("b1")).isFalse();
  }

  @Test
  void keepsUploadsAndTheirParts() {
    ObjectStore store = objects();
    store.createBucket("b1");
    MultipartUpload upload = new MultipartUpload("U1", object("mp", ""), NOW);
    store.addUpload("b1", upload);
    putPart(store, upload, 1, blob("one"));
    putPart(store, upload, 1, blob("uno"));
    assertThat(store.upload("b1", "U1").orElseThrow().parts()).hasSize(1);
    assertThat(quota.used()).isEqualTo(3);
    assertThat(store.isEmpty("b1")).isFalse();
    assertThat(store.removeUpload("b1", "U1")).isTrue();
    assertThat(quota.used()).isZero();
    assertThat(store.isEmpty("b1")).isTrue();
  }

  @Test
  void dropsAndClearsEverything() {
    ObjectStore store = objects();
    store.createBucket("b1");
    store.createBucket("b2");
    put(store, "b1", object("k", "v"));
    put(store, "b2", object("k", "w"));
    store.dropBucket("b1");
    assertThat(store.get("b1", "k")).isEmpty();
    assertThat(store.get("b2", "k")).isPresent();
    store.clear();
    assertThat(store.get("b2", "k")).isEmpty();
    assertThat(quota.used()).isZero();
  }
}
