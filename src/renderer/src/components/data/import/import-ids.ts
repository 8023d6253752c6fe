import type { ImportForm } from '../../../lib/import-form';
import { inputIdFor } from '../../../lib/problems';

/** Applies a change to the import form; `paths` are the fields it fixes, whose complaints go away. */
export type EditImport = (change: Partial<ImportForm>, paths: string[]) => void;

/** The DOM id of the input for an argument path (`source.path`), so error links can focus it. */
export const importId = (path: string) => inputIdFor('import', path);
