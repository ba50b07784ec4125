import { expect, it } from 'vitest';
import { realtimeUrlFor } from '../../../../cli/shared/realtimeUrl';

it('swaps appsync-api for appsync-realtime-api on an AWS host', () => {
  expect(realtimeUrlFor('https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql')).toBe(
    'wss://abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql',
  );
  expect(realtimeUrlFor('https://abc.appsync-api.cn-north-1.amazonaws.com.cn/graphql')).toBe('wss://abc.appsync-realtime-api.cn-north-1.amazonaws.com.cn/graphql');
});

it('appends /realtime on a custom domain, as AppSync serves it there', () => {
  expect(realtimeUrlFor('https://api.example.com/graphql')).toBe('wss://api.example.com/graphql/realtime');
});

it('keeps plain http plain for the local runtime', () => {
  expect(realtimeUrlFor('http://127.0.0.1:4000/graphql')).toBe('ws://127.0.0.1:4000/graphql/realtime');
});
