import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../../../src/renderer/src/lib/markdown';

describe('model card Markdown', () => {
  it('reads headings, paragraphs, lists and pipe tables with their alignment', () => {
    const blocks = parseMarkdown(
      ['# Model card: churn', '', 'Draft by `mlcycle`.', '', '## Metrics', '', '| metric | test |', '| --- | ---: |', '| AUC | 0.99 |', '', '- one', '- two', '', '1. first', '2. second'].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'table', 'list', 'list']);
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(blocks[3]).toMatchObject({ kind: 'table', align: ['left', 'right'], rows: [[[{ kind: 'text', text: 'AUC' }], [{ kind: 'text', text: '0.99' }]]] });
    expect(blocks[4]).toMatchObject({ kind: 'list', ordered: false });
    expect(blocks[5]).toMatchObject({ kind: 'list', ordered: true });
  });

  it('parses code, strong and emphasis, with code inside emphasis', () => {
    expect(parseInline('a `b` **c** _d `e`_')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'code', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'c' }] },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'd ' }, { kind: 'code', text: 'e' }] },
    ]);
    // Underscores inside words (snake_case ids) are not emphasis.
    expect(parseInline('roc_auc and p_value')).toEqual([{ kind: 'text', text: 'roc_auc and p_value' }]);
  });

  it('keeps HTML as text: nothing in a card becomes markup', () => {
    const [block] = parseMarkdown('<img src=x onerror="alert(1)"> <script>x</script>');
    expect(block).toEqual({ kind: 'paragraph', inlines: [{ kind: 'text', text: '<img src=x onerror="alert(1)"> <script>x</script>' }] });
  });
});
