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
