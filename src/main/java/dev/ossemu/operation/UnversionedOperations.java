package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.object.OssObject;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.PercentCodec;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.xml.ListBucketResult.CommonPrefix;
import dev.ossemu.xml.Unversioned;
import dev.ossemu.xml.XmlCodec;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The calls SDK clean-up code makes on every bucket (the Go and Python suites' tear-downs),
 * answered as OSS answers them for a bucket that has no live channel and was never versioned: the
 * emulator has neither (PutLiveChannel and PutBucketVersioning stay 501 NotImplemented).
 */
public final class UnversionedOperations {
  /** OSS's version id of every object in a bucket that was never versioned. */
  static final String NULL_VERSION = "null";

  private final BucketAccess access;
  private final ObjectListOperations lists;
  private final XmlCodec xml;

  public UnversionedOperations(BucketAccess access, ObjectListOperations lists, XmlCodec xml) {
    this.access = access;
    this.lists = lists;
    this.xml = xml;
  }

  /** ListLiveChannel ({@code GET /?live}): always an empty list. */
  public OssResponse listLiveChannel(OssCall call) {
    access.owned(call);
    QueryParameters query = call.request().query();
    int maxKeys = ObjectListOperations.maxKeys(query.get("max-keys"));
    Unversioned.ListLiveChannelResult result =
        new Unversioned.ListLiveChannelResult(
            orEmpty(query.get("prefix")), orEmpty(query.get("marker")), maxKeys, false, "");
    return OssResponse.xml(200, xml.write(result));
  }

  /** GetBucketVersioning ({@code GET /?versioning}): an empty configuration, no Status. */
  public OssResponse getBucketVersioning(OssCall call) {
    access.owned(call);
    return OssResponse.xml(200, xml.write(new Unversioned.VersioningConfiguration(null)));
  }

  /**
   * ListObjectVersions ({@code GET /?versions}): every current object as its only version, with
   * version id {@code null}, paged like ListObjects by key-marker.
   */
  public OssResponse listObjectVersions(OssCall call) {
    Bucket bucket = access.existing(call);
    ObjectAccess.checkRead(call, bucket, null);
    QueryParameters query = call.request().query();
    String prefix = orEmpty(query.get("prefix"));
    String delimiter = orEmpty(query.get("delimiter"));
    String keyMarker = orEmpty(query.get("key-marker"));
    int maxKeys = ObjectListOperations.maxKeys(query.get("max-keys"));
    ObjectListOperations.Page page =
        lists.page(bucket.name(), prefix, keyMarker, delimiter, maxKeys);
    boolean url = "url".equals(query.get("encoding-type"));
    UnaryOperator<String> encode = url ? s -> PercentCodec.encode(s, false) : s -> s;
    List<Unversioned.Version> versions =
        page.objects().stream().map(object -> version(object, bucket, encode)).toList();
    List<CommonPrefix> prefixes =
        page.prefixes().stream().map(p -> new CommonPrefix(encode.apply(p))).toList();
    Unversioned.ListVersionsResult result =
        new Unversioned.ListVersionsResult(
            bucket.name(),
            encode.apply(prefix),
            encode.apply(keyMarker),
            orEmpty(query.get("version-id-marker")),
            maxKeys,
            delimiter.isEmpty() ? null : encode.apply(delimiter),
            url ? "url" : null,
            page.truncated(),
            page.truncated() ? encode.apply(page.next()) : null,
            page.truncated() ? NULL_VERSION : null,
            versions,
            prefixes);
    return OssResponse.xml(200, xml.write(result));
  }

  private static Unversioned.Version version(
      OssObject object, Bucket bucket, UnaryOperator<String> encode) {
    return new Unversioned.Version(
        encode.apply(object.key()),
        NULL_VERSION,
        true,
        XmlTime.format(object.lastModified()),
        object.etag(),
        object.type(),
        object.size(),
        object.storageClass(),
        BucketViews.owner(bucket.ownerId()));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
