package dev.ossemu.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ossemu.server.OssChannelInitializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * Mutated valid signed requests, through the real pipeline (timeouts, codec, guards, keep-alive,
 * body assembler, OSS handler) on an EmbeddedChannel whose clock the test moves. For every case:
 * the server writes only well-formed HTTP/1.1 responses, at least one, and the connection is closed
 * once both timeouts are over (so no request was left unanswered); no 5xx answers a client mistake;
 * error documents are well-formed XML 1.0; every buffer is released; nothing is logged at WARN or
 * above; and stored state is unchanged unless some write was answered 2xx.
 *
 * <p>Seeded, so every run tries the same cases; {@code jqwik.tries.default} sets how many (10,000
 * in the normal build, a million with {@code -Pfuzz}).
 */
class RequestFuzzTest {
  private static final Duration IDLE = Duration.ofSeconds(60);
  private static final Duration REQUEST = Duration.ofSeconds(30);
  private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();

  private static FuzzFixture fixture;

  @BeforeContainer
  static void start() {
    fixture = new FuzzFixture();
    LOGGED.start();
    Logger logger = (Logger) LoggerFactory.getLogger("dev.ossemu");
    logger.addAppender(LOGGED);
  }

  @AfterContainer
  static void stop() {
    System.out.println(
        "FUZZCPU "
            + java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                / 1_000_000);
    ((Logger) LoggerFactory.getLogger("dev.ossemu")).detachAppender(LOGGED);
  }

  /** One case: a base request, its structural and byte mutations, and how it is split. */
  record Case(int base, List<Long> structural, List<Long> bytewise, long split, boolean twice) {
    byte[] bytes(List<byte[]> bases) {
      FuzzRequest request = FuzzRequest.parse(bases.get(base % bases.size()));
      structural.forEach(request::mutate);
      byte[] raw = request.bytes();
      for (long seed : bytewise) {
        raw = FuzzRequest.mutateBytes(raw, seed);
      }
      if (twice) {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(raw);
        both.writeBytes(raw);
        raw = both.toByteArray();
      }
      return raw;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Long> seeds = Arbitraries.longs();
    return Combinators.combine(
            Arbitraries.integers().between(0, 1000),
            seeds.list().ofMaxSize(3),
            seeds.list().ofMaxSize(2),
            seeds,
            Arbitraries.integers().between(0, 9).map(n -> n == 0))
        .as(Case::new);
  }

  @Property(seed = "20261201", shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void everyMutatedRequestIsAnsweredWellOrClosed(@ForAll("cases") Case fuzz) {
    if (fixture.needsReset()) {
      fixture.reset();
    }
    byte[] raw = fuzz.bytes(fixture.bases());
    String described = describe(raw);
    String before = fixture.snapshot();
    LOGGED.list.clear();

    TrackingAllocator allocator = new TrackingAllocator();
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.config().setAllocator(allocator);
    channel.freezeTime();
    channel
        .pipeline()
        .addLast(
            new OssChannelInitializer(fixture.service, fixture.quota, 1024, FuzzFixture.CLOCK)
                .connectionLimits(IDLE, REQUEST, 0));
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    List<ByteBuf> inputs = write(channel, raw, fuzz.split(), wire);
    // Past the request timeout (a partial request is cut), then the idle one (an answered
    // connection is closed), then once more: a connection still open now holds a lost request.
    for (Duration step : List.of(REQUEST, IDLE, IDLE)) {
      if (channel.isOpen()) {
        channel.advanceTimeBy(step.plusSeconds(1).toNanos(), TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        drain(channel, wire);
      }
    }
    boolean closed = !channel.isOpen();
    channel.finishAndReleaseAll();
    drain(channel, wire);

    assertThat(closed).as("closed after the timeouts: %s", described).isTrue();
    List<WireResponses.Response> responses;
    try {
      responses = WireResponses.parse(wire.toByteArray(), raw.length > 4 && startsWithHead(raw));
    } catch (IllegalArgumentException e) {
      throw new AssertionError(e.getMessage() + " answering " + described, e);
    }
    assertThat(responses).as("answered: %s", described).isNotEmpty();
    boolean wrote = false;
    for (WireResponses.Response response : responses) {
      FuzzChecks.wellFormed(response, described);
      wrote |= response.status() < 300;
    }
    assertThat(allocator.unreleased()).as("unreleased buffers: %s", described).isZero();
    assertThat(inputs).allSatisfy(b -> assertThat(b.refCnt()).as(described).isZero());
    assertThat(LOGGED.list)
        .as("logged: %s", described)
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    if (!wrote) {
      assertThat(fixture.snapshot()).as("state after a refused %s", described).isEqualTo(before);
    }
  }

  private static boolean startsWithHead(byte[] raw) {
    return new String(raw, 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ");
  }

  /** Writes {@code raw} in up to four pieces, collecting what the server writes after each. */
  private static List<ByteBuf> write(
      EmbeddedChannel channel, byte[] raw, long split, ByteArrayOutputStream wire) {
    Random random = new Random(split);
    List<ByteBuf> inputs = new ArrayList<>();
    int at = 0;
    int pieces = 1 + random.nextInt(4);
    for (int piece = 1; piece <= pieces && at < raw.length && channel.isOpen(); piece++) {
      int end = piece == pieces ? raw.length : at + random.nextInt(raw.length - at + 1);
      if (end == at) {
        continue; // an empty piece would be Netty's shared, never-released empty buffer
      }
      ByteBuf input = Unpooled.copiedBuffer(raw, at, end - at);
      inputs.add(input);
      channel.writeInbound(input);
      drain(channel, wire);
      at = end;
    }
    return inputs;
  }

  private static void drain(EmbeddedChannel channel, ByteArrayOutputStream wire) {
    Object out;
    while ((out = channel.readOutbound()) != null) {
      ByteBuf buffer = (ByteBuf) out;
      try {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        wire.writeBytes(bytes);
      } finally {
        buffer.release();
      }
    }
    // What the server read but never took is dropped with the channel.
    Object in;
    while ((in = channel.readInbound()) != null) {
      io.netty.util.ReferenceCountUtil.release(in);
    }
  }

  /** The request, printable: ASCII as is, every other byte as \\xNN. */
  static String describe(byte[] raw) {
    StringBuilder out = new StringBuilder("request [");
    HexFormat hex = HexFormat.of();
    int shown = Math.min(raw.length, 600);
    for (int i = 0; i < shown; i++) {
      int b = raw[i] & 0xff;
      if (b >= 0x20 && b < 0x7f) {
        out.append((char) b);
      } else if (b == '\r') {
        out.append("\\r");
      } else if (b == '\n') {
        out.append("\\n");
      } else {
        out.append("\\x").append(hex.toHexDigits((byte) b));
      }
    }
    return out.append(raw.length > shown ? "…]" : "]").toString();
  }
}
