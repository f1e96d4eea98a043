package dev.ossemu;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The start-up warning for a storage bound the heap cannot hold. */
class HeapCheckTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void warnsOnceNamingBothNumbersAbove80PercentOfTheHeap() {
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    Logger logger = (Logger) LoggerFactory.getLogger(HeapCheck.class);
    logger.addAppender(events);
    logger.setAdditive(false);
    try {
      assertThat(HeapCheck.warnIfStorageExceedsHeap(80 * MIB, 100 * MIB)).isFalse();
      assertThat(events.list).isEmpty();

      assertThat(HeapCheck.warnIfStorageExceedsHeap(81 * MIB, 100 * MIB)).isTrue();
      assertThat(events.list).hasSize(1);
      assertThat(events.list.get(0).getFormattedMessage()).contains("81 MiB").contains("100 MiB");
    } finally {
      logger.detachAppender(events);
      logger.setAdditive(true);
    }
  }

  @Test
  void anExplicitBoundAboveTheHeapWarnsWhenBuiltWithBodiesInMemory() {
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    Logger logger = (Logger) LoggerFactory.getLogger(HeapCheck.class);
    logger.addAppender(events);
    logger.setAdditive(false);
    try {
      OssEmulator.builder().build(); // the default bound never warns
      assertThat(events.list).isEmpty();
      OssEmulator.builder().maxStorageBytes(Runtime.getRuntime().maxMemory()).build();
      assertThat(events.list).hasSize(1);
    } finally {
      logger.detachAppender(events);
      logger.setAdditive(true);
    }
  }
}
