package dev.ossemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AppCDS training run: every request it sends gets the answer of the path it is to archive. */
class CdsTrainingTest {
  @Test
  void everyTrainingRequestGetsItsExpectedStatus() throws Exception {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Main.Started started = Main.start(CdsTraining.ARGUMENTS.clone(), Map.of(), quiet, quiet);
    try {
      assertThat(CdsTraining.train(started.emulator().port())).isEmpty();
    } finally {
      started.emulator().close();
    }
  }

  @Test
  void datesAreWhatTheSdksSend() {
    DateTimeFormatter sdk =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    for (LocalDateTime date :
        new LocalDateTime[] {
          LocalDateTime.of(2026, 12, 1, 15, 4, 5),
          LocalDateTime.of(2027, 1, 31, 0, 0, 0),
          LocalDateTime.of(2028, 2, 29, 23, 59, 59)
        }) {
      assertThat(CdsTraining.httpDate(date)).isEqualTo(sdk.format(date));
    }
  }
}
