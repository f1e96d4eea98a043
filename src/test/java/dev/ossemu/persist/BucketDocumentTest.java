package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No bucket setting can be forgotten on restart: a bucket with every field of {@link Bucket} set
 * (found by reflection, so a field added later is covered without touching this test) comes back
 * equal from its document. A new field fails here until {@code Documents.BucketDoc} keeps it.
 */
class BucketDocumentTest {
  @TempDir Path dir;

  @Test
  void everyFieldOfABucketSurvivesARestart() throws Exception {
    Bucket bucket = everyFieldSet();
    try (DataDirectory data = DataDirectory.open(dir)) {
      new PersistentBucketStore(data).createIfAbsent(bucket);
    }
    try (DataDirectory data = DataDirectory.open(dir)) {
      assertThat(new PersistentBucketStore(data).find(bucket.name())).contains(bucket);
    }
  }

  @Test
  void theSampleSetsEveryField() throws Exception {
    Bucket bucket = everyFieldSet();
    for (RecordComponent component : Bucket.class.getRecordComponents()) {
      assertThat(component.getAccessor().invoke(bucket)).as(component.getName()).isNotNull();
    }
  }

  private static Bucket everyFieldSet() throws ReflectiveOperationException {
    RecordComponent[] components = Bucket.class.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = sample(components[i]);
    }
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
    Constructor<Bucket> canonical = Bucket.class.getDeclaredConstructor(types);
    return canonical.newInstance(values);
  }

  /** A value unlike any default, so that a field read back as null or a default is caught. */
  private static Object sample(RecordComponent component) {
    Class<?> type = component.getType();
    if (type == String.class) {
      return "v-" + component.getName();
    }
    if (type == Instant.class) {
      return Instant.parse("2026-01-02T03:04:05.678Z");
    }
    if (type == EncryptionRule.class) {
      return new EncryptionRule(SseAlgorithm.KMS, "key-1", EncryptionRule.SM4_DATA_ENCRYPTION);
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[constants.length - 1];
    }
    if (type == boolean.class || type == Boolean.class) {
      return true;
    }
    if (type == int.class || type == Integer.class) {
      return 7;
    }
    if (type == long.class || type == Long.class) {
      return 7L;
    }
    return fail(
        "Bucket.%s is a %s: add a sample value here and keep it in Documents.BucketDoc",
        component.getName(), type.getSimpleName());
  }
}
