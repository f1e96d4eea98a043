package dev.ossemu.operation;

import static dev.ossemu.testing.SignedRequests.OTHER;
import static dev.ossemu.testing.SignedRequests.OWNER;
import static dev.ossemu.testing.SignedRequests.bucket;
import static dev.ossemu.testing.SignedRequests.request;
import static dev.ossemu.testing.SignedRequests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.auth.Account;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssResponse;
import dev.ossemu.testing.XmlText;
import dev.ossemu.xml.XmlCodec;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ListBuckets (spec §7): the caller's buckets only, in name order, paged. */
class ServiceOperationsTest {
  private final BucketStore store = new InMemoryBucketStore();
  private final ServiceOperations operations = new ServiceOperations(store, new XmlCodec());

  @BeforeEach
  void createBuckets() {
    for (String name : new String[] {"delta", "alpha", "charlie", "bravo", "alpha-2"}) {
      store.createIfAbsent(bucket(name, OWNER, null));
    }
    store.createIfAbsent(bucket("also-other", OTHER, null));
    store.createIfAbsent(bucket("zulu-other", OTHER, null));
  }

  private OssResponse list(String query, Account account) {
    return operations.listBuckets(request("GET", "/" + query).callBy(account));
  }

  private static List<String> names(OssResponse response) {
    return XmlText.all(response, "Name");
  }

  @Test
  void listsOnlyTheCallersBucketsInNameOrder() {
    OssResponse response = list("", OWNER);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsEntry("Content-Type", "application/xml");
    assertThat(names(response)).containsExactly("alpha", "alpha-2", "bravo", "charlie", "delta");
    assertThat(names(list("", OTHER))).containsExactly("also-other", "zulu-other");
  }

  @Test
  void writesTheWholeDocumentWithOwnerAndEveryBucketElement() {
    String owner = OTHER.ownerId();
    assertThat(text(list("?prefix=zulu", OTHER)))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListAllMyBucketsResult>"
                + "<Prefix>zulu</Prefix><Marker></Marker><MaxKeys>100</MaxKeys>"
                + "<IsTruncated>false</IsTruncated>"
                + "<Owner><ID>"
                + owner
                + "</ID><DisplayName>"
                + owner
                + "</DisplayName></Owner>"
                + "<Buckets><Bucket><CreationDate>2026-11-25T10:00:00.000Z</CreationDate>"
                + "<ExtranetEndpoint>127.0.0.1:9000</ExtranetEndpoint>"
                + "<IntranetEndpoint>127.0.0.1:9000</IntranetEndpoint>"
                + "<Location>oss-cn-hangzhou</Location><Name>zulu-other</Name>"
                + "<Region>cn-hangzhou</Region><StorageClass>Standard</StorageClass>"
                + "<ResourceGroupId>rg-default-id</ResourceGroupId></Bucket>"
                + "</Buckets></ListAllMyBucketsResult>");
  }

  @Test
  void filtersByResourceGroupWhereEveryBucketIsInTheDefaultOne() {
    for (String group : new String[] {"rg-default-id", ""}) {
      OssResponse response =
          operations.listBuckets(
              request("GET", "/").header("x-oss-resource-group-id", group).callBy(OTHER));
      assertThat(names(response)).as(group).containsExactly("also-other", "zulu-other");
    }
    OssResponse other =
        operations.listBuckets(
            request("GET", "/").header("x-oss-resource-group-id", "rg-aek27tc").callBy(OTHER));
    assertThat(names(other)).isEmpty();
    OssException invalid =
        catchThrowableOfType(
            OssException.class,
            () ->
                operations.listBuckets(
                    request("GET", "/")
                        .header("x-oss-resource-group-id", "r-aek27tc")
                        .callBy(OTHER)));
    assertThat(invalid.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(invalid.ec()).isEqualTo("0017-00000138");
  }

  @Test
  void keepsOwnerAndAnEmptyBucketListWhenNothingMatches() {
    OssResponse response = list("?prefix=nothing", OWNER);
    assertThat(names(response)).isEmpty();
    assertThat(XmlText.one(response, "ID")).isEqualTo(OWNER.ownerId());
    assertThat(XmlText.all(response, "Buckets")).hasSize(1);
    assertThat(XmlText.one(response, "IsTruncated")).isEqualTo("false");
  }

  @Test
  void filtersByPrefix() {
    OssResponse response = list("?prefix=alpha", OWNER);
    assertThat(names(response)).containsExactly("alpha", "alpha-2");
    assertThat(XmlText.one(response, "Prefix")).isEqualTo("alpha");
  }

  @Test
  void startsAfterTheMarker() {
    OssResponse response = list("?marker=alpha-2", OWNER);
    assertThat(names(response)).containsExactly("bravo", "charlie", "delta");
    assertThat(XmlText.one(response, "Marker")).isEqualTo("alpha-2");
  }

  @Test
  void truncatesAtMaxKeysWithANextMarker() {
    OssResponse first = list("?max-keys=2", OWNER);
    assertThat(names(first)).containsExactly("alpha", "alpha-2");
    assertThat(XmlText.one(first, "MaxKeys")).isEqualTo("2");
    assertThat(XmlText.one(first, "IsTruncated")).isEqualTo("true");
    assertThat(XmlText.one(first, "NextMarker")).isEqualTo("alpha-2");

    OssResponse last = list("?max-keys=3&marker=alpha-2", OWNER);
    assertThat(names(last)).containsExactly("bravo", "charlie", "delta");
    assertThat(XmlText.one(last, "IsTruncated")).isEqualTo("false");
    assertThat(XmlText.one(last, "NextMarker")).isNull();
  }

  @Test
  void combinesPrefixMarkerAndMaxKeys() {
    OssResponse response = list("?prefix=alpha&marker=alpha&max-keys=1", OWNER);
    assertThat(names(response)).containsExactly("alpha-2");
    assertThat(XmlText.one(response, "IsTruncated")).isEqualTo("false");
  }

  @Test
  void defaultsMaxKeysTo100AndAccepts1000() {
    assertThat(XmlText.one(list("", OWNER), "MaxKeys")).isEqualTo("100");
    assertThat(XmlText.one(list("?max-keys=1000", OWNER), "MaxKeys")).isEqualTo("1000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "abc", "-1", "1.5"})
  void refusesAnInvalidMaxKeys(String maxKeys) {
    OssException error =
        catchThrowableOfType(OssException.class, () -> list("?max-keys=" + maxKeys, OWNER));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.extras())
        .containsEntry("ArgumentName", "max-keys")
        .containsEntry("ArgumentValue", maxKeys);
  }

  @Test
  void refusesAnAnonymousCaller() {
    OssException error =
        catchThrowableOfType(
            OssException.class, () -> operations.listBuckets(request("GET", "/").anonymousCall()));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.status()).isEqualTo(403);
  }
}
