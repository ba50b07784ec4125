// Expected values from the examples of "Time helpers in util.time" (AWS AppSync developer guide,
// https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html and its
// VTL twin time-helpers-in-util-time.html, whose standalone examples use the same instants).
import { describe, expect, it } from 'vitest';
import {
  epochMilliSecondsToISO8601,
  formatEpochMillis,
  parseFormattedToEpochMillis,
  parseISO8601ToEpochMilliSeconds,
} from '../../../../../local/appsync/runtime/time';
import { util } from '../../../../../local/appsync/runtime/util';

describe('util.time (AWS documentation examples)', () => {
  it('epochMilliSecondsToISO8601(1517943695750) is 2018-02-06T19:01:35.750Z', () => {
    expect(epochMilliSecondsToISO8601(1517943695750)).toBe('2018-02-06T19:01:35.750Z');
  });

  it('epochMilliSecondsToSeconds(1517943695750) is 1517943695', () => {
    expect(util.time.epochMilliSecondsToSeconds(1517943695750)).toBe(1517943695);
  });

  it('formats an instant with a Java pattern in UTC and at +08:00', () => {
    expect(formatEpochMillis(1517943695750, 'yyyy-MM-dd HH:mm:ssZ')).toBe('2018-02-06 19:01:35+0000');
    expect(formatEpochMillis(1517943695750, 'yyyy-MM-dd HH:mm:ssZ', '+08:00')).toBe('2018-02-07 03:01:35+0800');
    expect(formatEpochMillis(1517943695750, 'yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth')).toBe('2018-02-07 03:01:35+0800');
  });

  it('parses formatted text with an offset in it, or with a zone given apart', () => {
    expect(parseFormattedToEpochMillis('2018-02-01 17:21:05+0800', 'yyyy-MM-dd HH:mm:ssZ')).toBe(1517476865000);
    expect(parseFormattedToEpochMillis('2018-02-01 17:21:05', 'yyyy-MM-dd HH:mm:ss', '+08:00')).toBe(1517476865000);
    expect(parseFormattedToEpochMillis('2018-02-01 17:21:05', 'yyyy-MM-dd HH:mm:ss', 'Australia/Perth')).toBe(1517476865000);
  });

  it('parseISO8601ToEpochMilliSeconds("2018-02-01T17:21:05.180+08:00") is 1517476865180', () => {
    expect(parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00')).toBe(1517476865180);
  });
});

describe('util.time beyond the examples', () => {
  it('reads ISO instants with Z, without seconds, and with nanoseconds', () => {
    expect(parseISO8601ToEpochMilliSeconds('2018-02-06T19:01Z')).toBe(Date.UTC(2018, 1, 6, 19, 1));
    expect(parseISO8601ToEpochMilliSeconds('2018-02-06T19:01:35.123456789Z')).toBe(Date.UTC(2018, 1, 6, 19, 1, 35, 123));
  });

  it('refuses text that is not an instant', () => {
    for (const text of ['2018-02-30T10:00:00Z', '2018-02-06 19:01:35Z', '2018-02-06T25:00:00Z', 'yesterday', '2018-02-06T19:01:35']) {
      expect(() => parseISO8601ToEpochMilliSeconds(text), text).toThrow(/could not be parsed/);
    }
  });

  it('formats with literals, month and day names, and a daylight-saving zone', () => {
    const summer = Date.UTC(2030, 6, 14, 12, 0, 0);
    expect(formatEpochMillis(summer, "EEE, d MMM yyyy 'at' HH:mm XXX", 'Europe/Paris')).toBe('Sun, 14 Jul 2030 at 14:00 +02:00');
    expect(formatEpochMillis(summer, 'EEEE MMMM dd hh:mm a', 'America/New_York')).toBe('Sunday July 14 08:00 AM');
  });
});

// The VTL page's "Conversion examples", "Parsing examples" and "Usage with AWS AppSync defined
// scalars" (https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time.html);
// the JS page lists the same methods.
describe('util.time (documented conversion, parsing and scalar examples)', () => {
  const nowEpochMillis = 1517943695758;

  it('converts 1517943695758 to seconds, ISO 8601 and formatted text', () => {
    expect(util.time.epochMilliSecondsToSeconds(nowEpochMillis)).toBe(1517943695);
    expect(util.time.epochMilliSecondsToISO8601(nowEpochMillis)).toBe('2018-02-06T19:01:35.758Z');
    expect(util.time.epochMilliSecondsToFormatted(nowEpochMillis, 'yyyy-MM-dd HH:mm:ssZ')).toBe('2018-02-06 19:01:35+0000');
    expect(util.time.epochMilliSecondsToFormatted(nowEpochMillis, 'yyyy-MM-dd HH:mm:ssZ', '+08:00')).toBe('2018-02-07 03:01:35+0800');
  });

  it('parses "2018-02-02 01:19:22+0800" and "2018-02-02 01:19:22" at +08:00 to 1517505562000', () => {
    expect(util.time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22+0800', 'yyyy-MM-dd HH:mm:ssZ')).toBe(1517505562000);
    expect(util.time.parseFormattedToEpochMilliSeconds('2018-02-02 01:19:22', 'yyyy-MM-dd HH:mm:ss', '+08:00')).toBe(1517505562000);
  });

  it('prints AWSDate and AWSDateTime with optional sections and a zone with seconds ("-07:00:30")', () => {
    // 2018-07-11T15:14:15 at -07:00:30, the instant of the page's example.
    const instant = Date.UTC(2018, 6, 11, 15, 14, 15) + (7 * 3600 + 30) * 1000;
    expect(util.time.epochMilliSecondsToFormatted(instant, 'yyyy-MM-dd[XXX]', '-07:00:30')).toBe('2018-07-11-07:00');
    expect(util.time.epochMilliSecondsToFormatted(instant, "yyyy-MM-dd'T'HH:mm:ss[XXXXX]", '-07:00:30')).toBe('2018-07-11T15:14:15-07:00:30');
  });

  it('now* helpers agree with the clock', () => {
    const before = Date.now();
    const ms = util.time.nowEpochMilliSeconds();
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(util.time.nowEpochSeconds()).toBe(Math.floor(Date.now() / 1000));
    expect(util.time.parseISO8601ToEpochMilliSeconds(util.time.nowISO8601())).toBeGreaterThanOrEqual(before);
    expect(util.time.nowFormatted('yyyy')).toBe(String(new Date().getUTCFullYear()));
  });
});

// Rules of java.time.format.DateTimeFormatter ("Patterns for Formatting and Parsing",
// https://docs.oracle.com/javase/8/docs/api/java/time/format/DateTimeFormatter.html), which
// the util.time pages name as the format syntax; java.time.ZoneId.of for zone ids.
describe('Java DateTimeFormatter patterns', () => {
  const summer = Date.UTC(2030, 6, 14, 12, 0, 0, 123); // a Sunday, 14:00 in Paris

  it('text and number forms by letter count', () => {
    expect(formatEpochMillis(summer, 'G uuuu yy M MM MMM MMMM MMMMM d D E EEEE EEEEE Q QQQ QQQQ', 'UTC')).toBe(
      'AD 2030 30 7 07 Jul July J 14 195 Sun Sunday S 3 Q3 3rd quarter',
    );
    expect(formatEpochMillis(summer, 'h hh K k H a m s S SSS SSSSSS n A', 'UTC')).toBe('12 12 0 12 12 PM 0 0 1 123 123000 123000000 43200123');
  });

  it('offset letters X, x, Z and O, and zone letters VV and z', () => {
    expect(formatEpochMillis(summer, 'X XX XXX XXXX XXXXX', 'Europe/Paris')).toBe('+02 +0200 +02:00 +0200 +02:00');
    expect(formatEpochMillis(summer, 'X x Z ZZZZ ZZZZZ O', 'UTC')).toBe('Z +00 +0000 GMT Z GMT');
    expect(formatEpochMillis(summer, 'x Z ZZZZ O OOOO', '+05:30')).toBe('+0530 +0530 GMT+05:30 GMT+5:30 GMT+05:30');
    expect(formatEpochMillis(summer, 'VV z zzzz', 'Europe/Paris')).toBe('Europe/Paris CEST Central European Summer Time');
    expect(formatEpochMillis(summer, 'VV', 'UTC+8')).toBe('UTC+08:00');
  });

  it("quoted literals, '' for a quote, and optional sections", () => {
    expect(formatEpochMillis(summer, "h 'o''clock' a", 'UTC')).toBe("12 o'clock PM");
    expect(formatEpochMillis(summer, "yyyy[-MM[-dd]]''", 'UTC')).toBe("2030-07-14'");
  });

  it('en-US week fields: weeks start on Sunday and week 1 holds January 1st', () => {
    expect(formatEpochMillis(summer, 'w W e', 'UTC')).toBe('29 3 1');
    expect(formatEpochMillis(Date.UTC(2030, 11, 29), 'YYYY-ww', 'UTC')).toBe('2031-01');
  });

  it('refuses unknown letters and too many letters', () => {
    expect(() => formatEpochMillis(summer, 'yyyy-bb', 'UTC')).toThrow(/Unknown pattern letter: b/);
    expect(() => formatEpochMillis(summer, 'ddd', 'UTC')).toThrow(/Too many pattern letters: d/);
    expect(() => formatEpochMillis(summer, 'yyyy]', 'UTC')).toThrow(/\]/);
  });

  it('zone ids as ZoneId.of reads them, and errors for unknown ones', () => {
    for (const [zone, expected] of [
      ['+8', '2030-07-14 20:00'],
      ['-0530', '2030-07-14 06:30'],
      ['GMT-05:30', '2030-07-14 06:30'],
      ['Z', '2030-07-14 12:00'],
      ['America/New_York', '2030-07-14 08:00'],
    ]) {
      expect(formatEpochMillis(summer, 'yyyy-MM-dd HH:mm', zone), zone).toBe(expected);
    }
    expect(() => formatEpochMillis(summer, 'yyyy', 'Mars/Base')).toThrow(/Unknown time-zone ID/);
    expect(() => formatEpochMillis(summer, 'yyyy', '+19:00')).toThrow(/Invalid ID/);
  });

  it('parses adjacent numbers, names, 12-hour clocks, zone ids and optional sections', () => {
    expect(parseFormattedToEpochMillis('20180201172105', 'yyyyMMddHHmmss')).toBe(Date.UTC(2018, 1, 1, 17, 21, 5));
    expect(parseFormattedToEpochMillis('Feb 1, 2018 5:21 PM', 'MMM d, yyyy h:mm a')).toBe(Date.UTC(2018, 1, 1, 17, 21));
    expect(parseFormattedToEpochMillis('2018-02-01 17:21:05 Europe/Paris', 'yyyy-MM-dd HH:mm:ss VV')).toBe(Date.UTC(2018, 1, 1, 16, 21, 5));
    expect(parseFormattedToEpochMillis('2018-02-01T17:21Z', "yyyy-MM-dd'T'HH:mm[:ss]X")).toBe(Date.UTC(2018, 1, 1, 17, 21));
    expect(parseFormattedToEpochMillis('2018-02-01T17:21:05.5+01:00', "yyyy-MM-dd'T'HH:mm:ss.SXXX")).toBe(Date.UTC(2018, 1, 1, 16, 21, 5, 500));
  });

  it('resolves like ResolverStyle.SMART and ZonedDateTime.ofLocal', () => {
    // Day-of-month beyond the month's end is clamped to its last day.
    expect(parseFormattedToEpochMillis('2018-02-30', 'yyyy-MM-dd')).toBe(Date.UTC(2018, 1, 28));
    expect(() => parseFormattedToEpochMillis('2018-13-01', 'yyyy-MM-dd')).toThrow(/MonthOfYear/);
    // A wall time in the spring-forward gap moves forward by the gap; in the autumn overlap the earlier offset wins.
    expect(parseFormattedToEpochMillis('2030-03-31 02:30', 'yyyy-MM-dd HH:mm', 'Europe/Paris')).toBe(Date.UTC(2030, 2, 31, 1, 30));
    expect(parseFormattedToEpochMillis('2030-10-27 02:30', 'yyyy-MM-dd HH:mm', 'Europe/Paris')).toBe(Date.UTC(2030, 9, 27, 0, 30));
    expect(() => parseFormattedToEpochMillis('2018-02-01 17', 'yyyy-MM-dd HH:mm')).toThrow(/could not be parsed/);
  });

  it('parseISO8601ToEpochMilliSeconds takes offsets with seconds and a [zone] suffix', () => {
    expect(parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05-07:00:30')).toBe(Date.UTC(2018, 1, 2, 0, 21, 35));
    expect(parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05+01:00[Europe/Paris]')).toBe(Date.UTC(2018, 1, 1, 16, 21, 5));
  });
});
