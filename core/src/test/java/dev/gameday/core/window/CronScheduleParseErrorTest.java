package dev.gameday.core.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleParseErrorTest {

  @ParameterizedTest(name = "[{0}] -> {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      60 * * * *         | MINUTE       | value 60 is out of range 0-59 in "60"
      */0 * * * *        | MINUTE       | step must be a number from 1 to 59, got "0" in "*/0"
      */x * * * *        | MINUTE       | step must be a number from 1 to 59, got "x"
      1/ * * * *         | MINUTE       | step must be a number from 1 to 59, got nothing
      5-1 * * * *        | MINUTE       | range "5-1" goes backwards
      1,,2 * * * *       | MINUTE       | empty element in list "1,,2"
      a * * * *          | MINUTE       | "a" is not a number in "a"
      5- * * * *         | MINUTE       | missing value in "5-"
      0 24 * * *         | HOUR         | value 24 is out of range 0-23
      0 */24 * * *       | HOUR         | step must be a number from 1 to 23, got "24"
      0 0 0 * *          | DAY_OF_MONTH | value 0 is out of range 1-31
      0 0 32 * *         | DAY_OF_MONTH | value 32 is out of range 1-31
      0 0 LW * *         | DAY_OF_MONTH | "LW" is not supported; only a plain L
      0 0 L-3 * *        | DAY_OF_MONTH | "L-3" is not supported
      0 0 15W * *        | DAY_OF_MONTH | "15W" is not supported
      0 0 * 13 *         | MONTH        | value 13 is out of range 1-12
      0 0 * FOO *        | MONTH        | unknown name "FOO" in "FOO"; expected one of JAN, FEB
      0 0 * JANUARY *    | MONTH        | unknown name "JANUARY"
      0 0 * * 8          | DAY_OF_WEEK  | value 8 is out of range 0-7
      0 0 * * MONDAY     | DAY_OF_WEEK  | unknown name "MONDAY" in "MONDAY"; expected one of SUN, MON
      0 2 * * TUE#6      | DAY_OF_WEEK  | occurrence after '#' must be 1-5, got 6 in "TUE#6"
      0 2 * * TUE#0      | DAY_OF_WEEK  | occurrence after '#' must be 1-5, got 0
      0 2 * * TUE#       | DAY_OF_WEEK  | occurrence after '#' must be 1-5, got nothing
      0 2 * * MON-FRI#1  | DAY_OF_WEEK  | '#' needs one weekday before it (e.g. TUE or 2), got "MON-FRI#1"
      0 2 * * #1         | DAY_OF_WEEK  | '#' needs one weekday before it
      0 2 * * XYZ#1      | DAY_OF_WEEK  | unknown name "XYZ" in "XYZ#1"
      0 2 * * L          | DAY_OF_WEEK  | a lone "L" is not supported; write SAT
      0 2 * * */7        | DAY_OF_WEEK  | step must be a number from 1 to 6, got "7"
      """)
  void invalidFieldIsNamedWithWhatIsWrong(String expression, CronField field, String problem) {
    assertThatThrownBy(() -> CronSchedule.parse(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .isInstanceOfSatisfying(InvalidCronExpressionException.class, e -> {
          assertThat(e.field()).contains(field);
          assertThat(e.expression()).isEqualTo(expression);
        })
        .hasMessageStartingWith("invalid cron expression \"" + expression + "\": "
            + field.label() + " (field " + field.position() + "): ")
        .hasMessageContaining(problem);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      0 2 * *        | found 4
      0 2 * * * *    | found 6
      ''             | found 0
      """)
  void wrongNumberOfFieldsIsReportedForTheWholeExpression(String expression, String found) {
    assertThatThrownBy(() -> CronSchedule.parse(expression))
        .isInstanceOfSatisfying(InvalidCronExpressionException.class,
            e -> assertThat(e.field()).isEmpty())
        .hasMessageContaining(
            "expected 5 fields (minute hour day-of-month month day-of-week) but " + found);
  }

  @Test
  void missingExpressionIsRejected() {
    assertThatThrownBy(() -> CronSchedule.parse(null))
        .isInstanceOf(InvalidCronExpressionException.class)
        .hasMessageContaining("the expression is missing");
  }

  @Test
  void dayOfWeekErrorNamesTheFifthField() {
    assertThatThrownBy(() -> CronSchedule.parse("0 2 * * TUE#6"))
        .hasMessage("invalid cron expression \"0 2 * * TUE#6\": day-of-week (field 5): "
            + "occurrence after '#' must be 1-5, got 6 in \"TUE#6\"");
  }
}
