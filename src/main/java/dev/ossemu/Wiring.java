package dev.ossemu;

import dev.ossemu.admin.AdminApi;
import dev.ossemu.admin.Faults;
import dev.ossemu.admin.RequestJournal;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.Authenticator;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.error.ErrorRenderer;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.operation.BucketAccess;
import dev.ossemu.operation.BucketEncryptionOperations;
import dev.ossemu.operation.BucketOperations;
import dev.ossemu.operation.MultipartCompletion;
import dev.ossemu.operation.MultipartListOperations;
import dev.ossemu.operation.MultipartOperations;
import dev.ossemu.operation.ObjectAclOperations;
import dev.ossemu.operation.ObjectListOperations;
import dev.ossemu.operation.ObjectOperations;
import dev.ossemu.operation.ObjectWriteOperations;
import dev.ossemu.operation.ServiceOperations;
import dev.ossemu.operation.UnversionedOperations;
import dev.ossemu.routing.Addressing;
import dev.ossemu.routing.ObjectRoutes;
import dev.ossemu.routing.Route;
import dev.ossemu.routing.RouteTable;
import dev.ossemu.routing.Router;
import dev.ossemu.service.OssService;
import dev.ossemu.xml.XmlCodec;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The composition root: the only place that builds the object graph behind an {@link OssEmulator}
 * (stores, operations, route table, router, authenticator, service). Tests that need the plain-Java
 * chain without a server use it too, so they run the same graph.
 */
public final class Wiring {
  private Wiring() {}

  /**
   * The full service.
   *
   * @param accounts who may sign
   * @param sts the temporary credentials handed out to RAM users
   * @param region the region requests must be signed for (V4) and buckets live in
   * @param clock the clock for signature windows and creation dates
   * @param store the bucket state
   * @param objects the objects and multipart uploads
   * @param serviceHosts extra host names that mean the emulator (spec §11)
   * @param journal where every OSS request is recorded
   * @param faults the faults to inject
   * @param admin the admin API, or null for none
   */
  public static OssService service(
      Accounts accounts,
      StsCredentials sts,
      String region,
      Clock clock,
      BucketStore store,
      ObjectStore objects,
      Set<String> serviceHosts,
      RequestJournal journal,
      Faults faults,
      AdminApi admin) {
    XmlCodec xml = new XmlCodec();
    return new OssService(
        new Router(new Addressing(serviceHosts), routes(store, objects, xml, region, clock)),
        new Authenticator(accounts, sts, region, clock),
        bucket -> store.find(bucket).isPresent(),
        new ErrorRenderer(xml),
        clock,
        journal,
        faults,
        admin);
  }

  /** The plain OSS chain over in-memory objects: no admin API, journal or faults. */
  public static OssService service(
      Accounts accounts, String region, Clock clock, BucketStore store, Set<String> serviceHosts) {
    return service(
        accounts,
        new StsCredentials(),
        region,
        clock,
        store,
        new InMemoryObjectStore(new StorageQuota(StorageQuota.DEFAULT_BYTES)),
        serviceHosts,
        new RequestJournal(0),
        new Faults(),
        null);
  }

  /** Every operation, each in its route-table row. */
  public static List<Route> routes(
      BucketStore store, ObjectStore objects, XmlCodec xml, String region, Clock clock) {
    BucketAccess access = new BucketAccess(store);
    ObjectOperations single = new ObjectOperations(access, objects, clock);
    ObjectWriteOperations writes = new ObjectWriteOperations(access, objects, single, xml);
    MultipartOperations multipart =
        new MultipartOperations(access, objects, single, writes, xml, clock);
    ObjectListOperations lists = new ObjectListOperations(access, objects, xml);
    return RouteTable.of(
        new ServiceOperations(store, xml),
        new BucketOperations(access, objects, xml, region, clock),
        new BucketEncryptionOperations(access, xml),
        new ObjectRoutes(
            single,
            writes,
            lists,
            multipart,
            new MultipartCompletion(access, objects, multipart, single, xml, clock),
            new MultipartListOperations(access, objects, multipart, xml),
            new ObjectAclOperations(access, objects, xml)),
        new UnversionedOperations(access, lists, xml));
  }
}
