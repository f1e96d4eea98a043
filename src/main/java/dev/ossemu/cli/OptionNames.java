package dev.ossemu.cli;

import java.util.Set;
import java.util.TreeSet;

/** The message for an unknown option: the closest known one, as git and cargo suggest. */
final class OptionNames {
  /** More edits than this and the guess is more likely wrong than helpful. */
  private static final int MAX_DISTANCE = 2;

  private OptionNames() {}

  static Set<String> all(Set<String> flags, Set<String> valued) {
    Set<String> all = new TreeSet<>(flags);
    all.addAll(valued);
    return all;
  }

  /** {@code unknown option: --prot (did you mean --port?)}, or a pointer to --help. */
  static String unknown(String option, Set<String> known) {
    String guess = closest(option, known);
    return "unknown option: "
        + option
        + (guess == null ? " (see --help)" : " (did you mean " + guess + "?)");
  }

  private static String closest(String option, Set<String> known) {
    for (String candidate : known) {
      // --port9000: the value glued on without a space or '='.
      if (candidate.startsWith("--") && option.startsWith(candidate)) {
        return candidate;
      }
    }
    String closest = null;
    int best = MAX_DISTANCE + 1;
    for (String candidate : known) {
      int distance = distance(option, candidate);
      // Sorted candidates: on a tie the first in order wins, so the message is stable.
      if (distance < best) {
        best = distance;
        closest = candidate;
      }
    }
    if (closest == null && option.startsWith("--") && option.length() > 3) {
      // An abbreviation such as --max for --max-storage.
      closest = known.stream().filter(c -> c.startsWith(option)).findFirst().orElse(null);
    }
    return closest;
  }

  /** Optimal string alignment distance: Levenshtein plus swapping two neighbours (prot/port). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
