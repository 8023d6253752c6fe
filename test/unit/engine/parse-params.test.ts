import { describe, expect, it } from 'vitest';
import { parseParams } from '../../../src/main/cli/parse-options';

describe('--params', () => {
  it('reads name=value pairs, and lets a list value keep its commas', () => {
    expect(parseParams('l2=0.01,maxIterations=300')).toEqual({ l2: '0.01', maxIterations: '300' });
    expect(parseParams('hidden=64,64,epochs=3')).toEqual({ hidden: '64,64', epochs: '3' });
  });
  it('refuses a piece that is no pair', () => {
    expect(() => parseParams('64,epochs=3')).toThrow(/name=value pairs/);
    expect(() => parseParams('l2=')).toThrow(/name=value pairs/);
  });
});
