package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.PercentCodec;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.xml.DeleteRequest;
import dev.ossemu.xml.DeleteResult;
import dev.ossemu.xml.ListBucketResult;
import dev.ossemu.xml.ListBucketResult.CommonPrefix;
import dev.ossemu.xml.ListBucketResult.Contents;
import dev.ossemu.xml.XmlCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/** ListObjects (V1), ListObjectsV2 and DeleteMultipleObjects. */
public final class ObjectListOperations {
  static final int DEFAULT_MAX_KEYS = 100;
  static final int MAX_KEYS = 1000;

  /** The EC of a DeleteMultipleObjects body OSS cannot read (observed by the Go SDK v2). */
  static final String DELETE_MALFORMED_XML_EC = "0016-00000608";

  private final BucketAccess access;
  private final ObjectStore objects;
  private final XmlCodec xml;

  public ObjectListOperations(BucketAccess access, ObjectStore objects, XmlCodec xml) {
    this.access = access;
    this.objects = objects;
    this.xml = xml;
  }

  /** One page of keys and common prefixes, in UTF-8 byte order. */
  record Page(List<OssObject> objects, List<String> prefixes, boolean truncated, String next) {}

  /**
   * ListObjects and, with {@code list-type=2}, ListObjectsV2: prefix, delimiter with
   * CommonPrefixes, marker / continuation-token / start-after, max-keys (default 100, at most
   * 1000), encoding-type=url and fetch-owner.
   */
  public OssResponse listObjects(OssCall call) {
    Bucket bucket = access.existing(call);
    ObjectAccess.checkRead(call, bucket, null);
    QueryParameters query = call.request().query();
    boolean v2 = "2".equals(query.get("list-type"));
    String prefix = orEmpty(query.get("prefix"));
    String delimiter = orEmpty(query.get("delimiter"));
    int maxKeys = maxKeys(query.get("max-keys"));
    String token = query.get("continuation-token");
    String after =
        v2
            ? (token != null ? decodeToken(token) : orEmpty(query.get("start-after")))
            : orEmpty(query.get("marker"));
    Page page = page(bucket.name(), prefix, after, delimiter, maxKeys);
    boolean url = "url".equals(query.get("encoding-type"));
    UnaryOperator<String> encode =
        url ? s -> s == null ? null : PercentCodec.encode(s, false) : s -> s;
    boolean owner = !v2 || "true".equals(query.get("fetch-owner"));
    List<Contents> contents = new ArrayList<>();
    for (OssObject object : page.objects()) {
      contents.add(
          new Contents(
              encode.apply(object.key()),
              XmlTime.format(object.lastModified()),
              object.etag(),
              object.type(),
              object.size(),
              object.storageClass(),
              owner ? BucketViews.owner(bucket.ownerId()) : null));
    }
    List<CommonPrefix> prefixes =
        page.prefixes().stream().map(p -> new CommonPrefix(encode.apply(p))).toList();
    String next = page.truncated() ? page.next() : null;
    ListBucketResult result =
        new ListBucketResult(
            bucket.name(),
            encode.apply(prefix),
            v2 ? null : encode.apply(after),
            v2 ? token : null,
            v2 && query.has("start-after") ? encode.apply(query.get("start-after")) : null,
            maxKeys,
            delimiter.isEmpty() ? null : encode.apply(delimiter),
            url ? "url" : null,
            page.truncated(),
            v2 ? null : encode.apply(next),
            v2 && next != null ? encodeToken(next) : null,
            v2 ? contents.size() + prefixes.size() : null,
            contents,
            prefixes);
    return OssResponse.xml(200, xml.write(result));
  }

  Page page(String bucket, String prefix, String after, String delimiter, int maxKeys) {
    List<OssObject> found = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String start = InMemoryObjectStore.UTF8_ORDER.compare(prefix, after) > 0 ? prefix : after;
    String last = null;
    for (OssObject object : objects.objectsFrom(bucket, start).values()) {
      String key = object.key();
      if (!key.startsWith(prefix)) {
        break; // keys are sorted: none after this one can share the prefix
      }
      if (key.equals(after)) {
        continue;
      }
      int cut = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
      String entry = cut < 0 ? key : key.substring(0, cut + delimiter.length());
      if (cut >= 0
          && (entry.equals(last) || InMemoryObjectStore.UTF8_ORDER.compare(entry, after) <= 0)) {
        continue; // rolled into a common prefix already listed
      }
      if (found.size() + prefixes.size() == maxKeys) {
        return new Page(found, prefixes, true, last);
      }
      if (cut >= 0) {
        prefixes.add(entry);
      } else {
        found.add(object);
      }
      last = entry;
    }
    return new Page(found, prefixes, false, null);
  }

  /** DeleteMultipleObjects ({@code POST /?delete}): up to 1000 keys, quiet or verbose. */
  public OssResponse deleteMultipleObjects(OssCall call) {
    Bucket bucket = access.existing(call);
    ObjectAccess.checkWrite(call, bucket);
    DeleteRequest request =
        OssException.withMalformedXmlEc(
            () -> xml.read(call.request().body(), DeleteRequest.ROOT, DeleteRequest.class),
            DELETE_MALFORMED_XML_EC);
    List<DeleteRequest.ObjectToDelete> keys =
        request.objects() == null ? List.of() : request.objects();
    if (keys.isEmpty() || keys.size() > MAX_KEYS) {
      throw OssException.of(OssErrorCode.MALFORMED_XML).ec(DELETE_MALFORMED_XML_EC).build();
    }
    boolean url = "url".equals(call.request().query().get("encoding-type"));
    List<DeleteResult.Deleted> deleted = new ArrayList<>();
    for (DeleteRequest.ObjectToDelete object : keys) {
      if (object == null || object.key() == null || object.key().isEmpty()) {
        throw OssException.of(OssErrorCode.MALFORMED_XML).ec(DELETE_MALFORMED_XML_EC).build();
      }
      objects.delete(bucket.name(), object.key());
      deleted.add(
          new DeleteResult.Deleted(url ? PercentCodec.encode(object.key(), false) : object.key()));
    }
    boolean quiet = Boolean.TRUE.equals(request.quiet());
    DeleteResult result = new DeleteResult(url ? "url" : null, quiet ? List.of() : deleted);
    return OssResponse.xml(200, xml.write(result));
  }

  static int maxKeys(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_MAX_KEYS;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1 && parsed <= MAX_KEYS) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw OssException.invalidArgument(
        "Argument max-keys must be an integer between 1 and 1000.", "max-keys", value);
  }

  /** V2 continuation tokens are opaque to clients: the next key, base64url. */
  private static String encodeToken(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw OssException.invalidArgument(
          "The continuation token provided is incorrect.", "continuation-token", token);
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
