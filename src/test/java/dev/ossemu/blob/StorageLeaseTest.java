package dev.ossemu.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossemu.error.OssException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageLeaseTest {
  private final StorageQuota quota = new StorageQuota(1000);

  @Test
  void theLastReleaseGivesTheBytesBackExactlyOnce() {
    StorageLease lease = StorageLease.open(quota);
    lease.grow(300);
    lease.retain();
    assertThat(lease.release()).isFalse();
    assertThat(quota.used()).isEqualTo(300);
    assertThat(lease.release()).isTrue();
    assertThat(quota.used()).isZero();
    assertThatThrownBy(lease::release).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(lease::retain).isInstanceOf(IllegalStateException.class);
    assertThat(lease.tryRetain()).isFalse();
    assertThat(quota.used()).isZero();
  }

  @Test
  void growingPastTheBoundIsRefusedAndReservesNothing() {
    StorageLease lease = StorageLease.open(quota);
    lease.grow(900);
    assertThatThrownBy(() -> lease.grow(200)).isInstanceOf(OssException.class);
    assertThat(quota.used()).isEqualTo(900);
    lease.shrink(100);
    assertThat(lease.bytes()).isEqualTo(800);
    lease.release();
    assertThat(quota.used()).isZero();
  }

  @Test
  void aCombinedLeaseKeepsItsPartsAliveAndCountsThemOnce() {
    StorageLease a = StorageLease.open(quota);
    a.grow(100);
    StorageLease b = StorageLease.open(quota);
    b.grow(50);
    StorageLease both = StorageLease.combine(List.of(a, b));
    a.release();
    b.release();
    assertThat(quota.used()).isEqualTo(150);
    StorageLease again = StorageLease.combine(List.of(both, a));
    both.release();
    assertThat(quota.used()).isEqualTo(150);
    again.release();
    assertThat(quota.used()).isZero();
    assertThat(a.references()).isZero();
    assertThat(b.references()).isZero();
  }

  @Test
  void aBodyBuiltWithAQuotaCarriesItsLeaseAndADiscardGivesItBack() {
    BlobBuilder builder = new BlobBuilder(quota, 10);
    builder.append(new byte[10]);
    Blob blob = builder.build();
    assertThat(blob.lease().bytes()).isEqualTo(10);
    assertThat(quota.used()).isEqualTo(10);
    blob.retain();
    blob.release();
    blob.release();
    assertThat(quota.used()).isZero();

    BlobBuilder refused = new BlobBuilder(quota, 500);
    refused.append(new byte[500]);
    assertThat(quota.used()).isEqualTo(500);
    refused.discard();
    assertThat(quota.used()).isZero();
  }

  @Test
  void aDocumentHoldsNothing() {
    Blob document = new BlobBuilder(null).build();
    assertThat(document.lease()).isSameAs(StorageLease.none());
    document.release();
    assertThat(document.tryRetain()).isTrue();
  }
}
