package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers leave in ticket order, whatever order they are ready in. */
class ResponseOrderTest {
  private final List<String> written = new ArrayList<>();
  private final List<String> discarded = new ArrayList<>();
  private final ResponseOrder order = new ResponseOrder();

  private ResponseOrder.Answer answer(String name) {
    return new ResponseOrder.Answer() {
      @Override
      public void write() {
        written.add(name);
      }

      @Override
      public void discard() {
        discarded.add(name);
      }
    };
  }

  @Test
  void aLaterAnswerWaitsForTheEarlierOnes() {
    long first = order.ticket();
    long second = order.ticket();
    long third = order.ticket();

    order.complete(third, answer("third"));
    order.complete(second, answer("second"));
    assertThat(written).isEmpty();
    assertThat(order.outstanding()).isEqualTo(3);

    order.complete(first, answer("first"));
    assertThat(written).containsExactly("first", "second", "third");
    assertThat(order.outstanding()).isZero();
  }

  @Test
  void anInterimAnswerWaitsUntilEveryEarlierRequestIsAnswered() {
    long first = order.ticket();
    long second = order.ticket();
    order.interim(second, () -> written.add("100 for second"));
    assertThat(written).isEmpty();

    order.complete(first, answer("first"));
    assertThat(written).containsExactly("first", "100 for second");
    order.complete(second, answer("second"));
    assertThat(written).containsExactly("first", "100 for second", "second");
  }

  @Test
  void anInterimAnswerOvertakenByItsFinalAnswerIsDropped() {
    long first = order.ticket();
    long second = order.ticket();
    order.interim(second, () -> written.add("100 for second"));
    order.complete(second, answer("second"));
    order.complete(first, answer("first"));
    assertThat(written).containsExactly("first", "second");
  }

  @Test
  void aClosedConnectionFreesHeldAnswersAndLaterOnes() {
    order.ticket();
    long second = order.ticket();
    long third = order.ticket();
    order.complete(second, answer("second"));

    order.close();
    order.complete(third, answer("third"));

    assertThat(written).isEmpty();
    assertThat(discarded).containsExactly("second", "third");
  }
}
