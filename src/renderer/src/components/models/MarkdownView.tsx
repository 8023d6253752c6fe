import { useMemo } from 'react';
import { parseMarkdown, type Block, type Inline } from '../../lib/markdown';

/** Inline runs as React text: HTML in the source stays visible text, never markup. */
function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((x, i) =>
        x.kind === 'code' ? (
          <code key={i}>{x.text}</code>
        ) : x.kind === 'strong' ? (
          <strong key={i}>
            <Inlines inlines={x.children} />
          </strong>
        ) : x.kind === 'em' ? (
          <em key={i}>
            <Inlines inlines={x.children} />
          </em>
        ) : (
          x.text
        ),
      )}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      // The card sits under the page's h2, so its own headings start at h3.
      const Tag = (['h3', 'h4', 'h5', 'h6'] as const)[block.level - 1]!;
      return (
        <Tag className={`md-h${block.level}`}>
          <Inlines inlines={block.inlines} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p>
          <Inlines inlines={block.inlines} />
        </p>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((item, i) => (
            <li key={i}>
              <Inlines inlines={item} />
            </li>
          ))}
        </List>
      );
    }
    case 'table':
      return (
        <div className="models-table-wrap">
          <table className="train-table md-table">
            <thead>
              <tr>
                {block.head.map((cell, i) => (
                  <th key={i} scope="col" style={{ textAlign: block.align[i] ?? 'left' }}>
                    <Inlines inlines={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} style={{ textAlign: block.align[i] ?? 'left' }}>
                      <Inlines inlines={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'code':
      return <pre className="md-code">{block.text}</pre>;
  }
}

/** A model card (Markdown) drawn as a document. */
export function MarkdownView({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown" data-testid="markdown">
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </div>
  );
}
