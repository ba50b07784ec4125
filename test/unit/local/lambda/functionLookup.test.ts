// FunctionName and Qualifier as the Lambda API reads them.
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_RequestSyntax
import { describe, expect, it } from 'vitest';
import { LambdaApiError } from '../../../../local/lambda/errors';
import { parseFunctionName, resolveFunction } from '../../../../local/lambda/functionLookup';
import type { LambdaFunction } from '../../../../local/lambda/lambdaFunction';

const fn = { name: 'worker', config: { aliases: ['live'], publishesVersions: true } } as unknown as LambdaFunction;
const finder = { find: (name: string) => (name === 'worker' ? fn : undefined) };
const local = { region: 'us-east-1', accountId: '000000000000' };

describe('parseFunctionName', () => {
  it('reads names, full and partial ARNs, with or without a qualifier', () => {
    expect(parseFunctionName('worker')).toEqual({ name: 'worker' });
    expect(parseFunctionName('worker:live')).toEqual({ name: 'worker', qualifier: 'live' });
    expect(parseFunctionName('arn:aws:lambda:us-east-1:000000000000:function:worker:7')).toMatchObject({ name: 'worker', qualifier: '7', region: 'us-east-1' });
    expect(parseFunctionName('000000000000:function:worker')).toMatchObject({ name: 'worker', account: '000000000000' });
  });
});

describe('resolveFunction', () => {
  it('accepts $LATEST, the template aliases and version numbers', () => {
    expect(resolveFunction(finder, 'worker', undefined, local).executedVersion).toBe('$LATEST');
    expect(resolveFunction(finder, 'worker:$LATEST', undefined, local).executedVersion).toBe('$LATEST');
    expect(resolveFunction(finder, 'worker', 'live', local).qualifier).toBe('live');
    expect(resolveFunction(finder, 'worker', '3', local).executedVersion).toBe('3');
  });

  it('names the missing function by its ARN, qualifier included', () => {
    const miss = (name: string, qualifier?: string) => {
      try {
        resolveFunction(finder, name, qualifier, local);
      } catch (error) {
        return [(error as LambdaApiError).errorType, (error as Error).message];
      }
      return undefined;
    };
    expect(miss('nope')).toEqual(['ResourceNotFoundException', 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope']);
    expect(miss('worker', 'beta')).toEqual(['ResourceNotFoundException', 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:worker:beta']);
    expect(miss('arn:aws:lambda:eu-west-1:000000000000:function:worker')).toEqual([
      'ResourceNotFoundException',
      'Function not found: arn:aws:lambda:eu-west-1:000000000000:function:worker',
    ]);
    expect(miss('worker:live', 'other')).toEqual(['InvalidParameterValueException', 'The derived qualifier from the function name does not match the specified qualifier.']);
  });
});
