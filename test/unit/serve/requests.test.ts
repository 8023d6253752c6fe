import { describe, expect, it } from 'vitest';
import type { Signature } from '../../../src/main/engine/registry/package-docs';
import { MAX_ROWS } from '../../../src/main/serve/columns';
import { HttpError } from '../../../src/main/serve/http-error';
import { parseInvocations } from '../../../src/main/serve/mlflow';
import { ModelSet } from '../../../src/main/serve/model-set';
import { parseInferRequest } from '../../../src/main/serve/oip';
import type { ServedModel } from '../../../src/main/serve/served-model';

const signature: Signature = {
  model: 'churn',
  version: '3',
  task: 'binary',
  target: 'left',
  classes: ['no', 'yes'],
  inputs: [
    { name: 'age', datatype: 'FP32', shape: [-1, 1], range: { min: 18, max: 90 }, missingShare: 0 },
    { name: 'plan', datatype: 'BYTES', shape: [-1, 1], categories: ['basic', 'plus'], missingShare: 0 },
  ],
  outputs: [
    { name: 'label', datatype: 'BYTES', shape: [-1], description: '' },
    { name: 'probabilities', datatype: 'FP32', shape: [-1, 2], description: '' },
  ],
};

const input = (name: string, datatype: string, shape: unknown, data: unknown) => ({ name, datatype, shape, data });
const ok = (body: unknown, strict = false) => parseInferRequest(body, signature, strict);
const refused = (body: unknown, strict = false): string => {
  try {
    ok(body, strict);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    return (error as HttpError).message;
  }
  throw new Error('expected a 400');
};

describe('Open Inference Protocol requests, checked against the package signature', () => {
  it('takes flat or nested row-major data, any numeric datatype for a number, null as missing, and echoes the id', () => {
    const r = ok({ id: 'req-7', inputs: [input('age', 'INT64', [2, 1], [[30], [null]]), input('plan', 'BYTES', [2], ['plus', null])] });
    expect(r.id).toBe('req-7');
    expect(r.columns.rows).toBe(2);
    expect(Array.from(r.columns.values.get('age') as Float32Array)).toEqual([30, Number.NaN]);
    expect(r.columns.values.get('plan')).toEqual(['plus', '']);
    expect(r.outputs).toEqual(['label', 'probabilities']);
    expect(ok({ inputs: [input('plan', 'BYTES', [1, 1], ['basic']), input('age', 'FP32', [1, 1], [40])], outputs: [{ name: 'probabilities' }] }).outputs).toEqual(['probabilities']);
  });

  it('names the input and the problem for every malformed request', () => {
    expect(refused([])).toMatch(/must be a JSON object/);
    expect(refused({ inputs: [] })).toMatch(/"inputs" must be a non-empty array; this model takes age, plan/);
    expect(refused({ id: 5, inputs: [] })).toMatch(/"id" must be a string/);
    expect(refused({ inputs: [input('height', 'FP32', [1], [1])] })).toBe("unknown input 'height'; this model takes age, plan");
    expect(refused({ inputs: [input('age', 'BYTES', [1], ['30'])] })).toBe("input 'age' is FP32 in this model; the request says BYTES");
    expect(refused({ inputs: [input('plan', 'FP32', [1], [1])] })).toBe("input 'plan' is BYTES in this model; the request says FP32");
    expect(refused({ inputs: [input('age', 'FP32', [1, 2], [1, 2])] })).toMatch(/shape \[1,2\]; this model takes one value per row: \[N, 1\]/);
    expect(refused({ inputs: [input('age', 'FP32', [-1], [1])] })).toMatch(/needs a "shape" of \[N\] or \[N, 1\]/);
    expect(refused({ inputs: [input('age', 'FP32', [3], [1, 2])] })).toBe("input 'age' has shape [3] (3 values) but 2 data elements");
    expect(refused({ inputs: [input('age', 'FP32', [1], [1]), input('plan', 'BYTES', [2], ['a', 'b'])] })).toMatch(/disagree on the number of rows/);
    expect(refused({ inputs: [input('age', 'FP32', [1], [1]), input('age', 'FP32', [1], [1])] })).toMatch(/given twice/);
    expect(refused({ inputs: [input('age', 'FP32', [1], [1])] })).toBe("missing input 'plan'; this model takes age, plan");
    expect(refused({ inputs: [input('age', 'FP32', [1], ['thirty']), input('plan', 'BYTES', [1], ['basic'])] })).toBe('input \'age\' expects numbers (FP32); element 0 is "thirty"');
    expect(refused({ inputs: [input('age', 'FP32', [1], [1]), input('plan', 'BYTES', [1], [7])] })).toBe("input 'plan' expects text (BYTES); element 0 is 7");
    expect(refused({ inputs: [input('age', 'FP32', [1, 1], [[[1]]]), input('plan', 'BYTES', [1], ['basic'])] })).toMatch(/nests deeper/);
    expect(refused({ inputs: [input('age', 'FP32', [1], [1]), input('plan', 'BYTES', [1], ['basic'])], outputs: [{ name: 'score' }] })).toBe('unknown output "score"; this model gives label, probabilities');
    expect(refused({ inputs: [input('age', 'FP32', [0], []), input('plan', 'BYTES', [0], [])] })).toBe('the request holds no rows');
    const many = MAX_ROWS + 1;
    expect(refused({ inputs: [input('age', 'FP32', [many], new Array(many).fill(1)), input('plan', 'BYTES', [many], new Array(many).fill('basic'))] })).toMatch(/at most 100000 are scored per request/);
  });

  it('scores an unseen category as "other" and counts it, or refuses it when strict', () => {
    const body = { inputs: [input('age', 'FP32', [2], [1, 2]), input('plan', 'BYTES', [2], ['gold', 'plus'])] };
    expect(ok(body).columns.unseen).toBe(1);
    expect(refused(body, true)).toBe('input \'plan\' element 0 is "gold", a category the model never saw; it knows "basic", "plus"');
  });
});

describe('MLflow /invocations formats', () => {
  const rows = (body: unknown) => {
    const c = parseInvocations(body, signature, false);
    return { age: Array.from(c.values.get('age') as Float32Array), plan: c.values.get('plan') };
  };
  const expected = { age: [30, 41], plan: ['basic', 'plus'] };

  it('reads dataframe_split, dataframe_records, instances and inputs alike', () => {
    expect(rows({ dataframe_split: { columns: ['plan', 'age', 'extra'], data: [['basic', 30, 1], ['plus', 41, 2]] } })).toEqual(expected);
    expect(rows({ dataframe_records: [{ age: 30, plan: 'basic' }, { age: 41, plan: 'plus' }] })).toEqual(expected);
    expect(rows({ instances: [{ age: 30, plan: 'basic' }, [41, 'plus']] })).toEqual(expected);
    expect(rows({ inputs: { age: [30, 41], plan: ['basic', 'plus'] } })).toEqual(expected);
    expect(rows({ inputs: [{ age: 30, plan: 'basic' }, { age: 41, plan: 'plus' }], params: {} })).toEqual(expected);
  });

  it('refuses what it cannot read, naming the format and the column', () => {
    const msg = (body: unknown) => {
      try {
        parseInvocations(body, signature, false);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(msg({})).toMatch(/give exactly one of "dataframe_split", "dataframe_records", "instances" or "inputs"; got none/);
    expect(msg({ dataframe_split: { columns: ['age'], data: [[1]] } })).toMatch(/dataframe_split lacks the column plan/);
    expect(msg({ dataframe_split: { columns: ['age', 'plan'], data: [[1]] } })).toMatch(/data\[0\] must be a list of 2 values/);
    expect(msg({ dataframe_records: [{ age: 1 }] })).toMatch(/dataframe_records lacks the column plan/);
    expect(msg({ instances: [[1]] })).toMatch(/instances\[0\] has 1 values; the model takes 2: age, plan/);
    expect(msg({ inputs: { age: [1, 2], plan: ['basic'] } })).toMatch(/every column needs the same number of values/);
    expect(msg({ tensors: [] })).toMatch(/unknown format "tensors"/);
  });
});

describe('versions a server holds', () => {
  const model = (version: string) => ({ name: 'churn', version, signature }) as unknown as ServedModel;

  it('switches the active version, splits traffic by percent and rolls back', () => {
    const set = new ModelSet();
    set.add(model('1'), true);
    set.add(model('2'), false);
    expect(set.pick('churn', null).version).toBe('1');
    expect(set.pick('churn', '2').version).toBe('2');
    set.split('churn', '2', 25);
    const picks = [0.1, 0.24, 0.26, 0.9].map((r) => set.pick('churn', null, () => r).version);
    expect(picks).toEqual(['2', '2', '1', '1']);
    set.activate('churn', '2');
    expect(set.state('churn')).toMatchObject({ active: '2', previous: '1', canary: null });
    expect(set.rollback('churn')).toBe('1');
    expect(set.state('churn')).toMatchObject({ active: '1', previous: '2' });
    expect(() => set.pick('churn', '9')).toThrow("model 'churn' has no version '9'; it has 1, 2");
    expect(() => set.pick('other', null)).toThrow("unknown model 'other'; this server has churn");
    expect(() => set.split('churn', '1', 10)).toThrow(/already active/);
    expect(() => set.split('churn', '2', 120)).toThrow(/percent from 0 to 100/);
  });
});
