import fs from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { MlcycleError } from '../../../shared/contract/errors';
import { PipelineFile } from '../../../shared/pipeline/pipeline';

/** What to write for a required field that is missing. */
const FIELD_HINTS: Record<string, string> = {
  dataset: 'the dataset to work on, e.g. dataset: penguins',
  train: 'the learners to train, e.g. train: [{ model: gbdt }]',
  model: 'the registered model name, e.g. model: penguins',
};

/**
 * Reads and checks a pipeline file. A YAML syntax error or a field that does not fit names the file,
 * line and column (and the field's path), so the fix is one look away.
 */
export function readPipelineFile(file: string): PipelineFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MlcycleError('NOT_FOUND', code === 'ENOENT' ? `No pipeline file at ${file}: write one (see README, "Pipelines for CI") or run \`mlcycle pipeline init\` to derive it from the project.` : `Cannot read ${file}: ${(error as Error).message}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const syntax = doc.errors[0];
  if (syntax) throw new MlcycleError('INVALID_ARGUMENT', `${at(syntax.pos[0])}: ${syntax.message.split('\n')[0]}`);
  const parsed = PipelineFile.safeParse(doc.toJS() ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String);
  // The deepest node the path reaches: the field itself, or the mapping it is missing from.
  let node: unknown = null;
  for (let depth = field.length; depth >= 0 && !isNode(node); depth--) node = depth === 0 ? doc.contents : doc.getIn(field.slice(0, depth), true);
  const where = isNode(node) && node.range ? at(node.range[0]) : file;
  const name = field.length ? field.join('.') : 'the file';
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  throw new MlcycleError('INVALID_ARGUMENT', `${where}: ${name}: ${missing ? `missing (${FIELD_HINTS[name] ?? 'see README, "Pipelines for CI"'})` : issue.message}`, { field: name });
}
