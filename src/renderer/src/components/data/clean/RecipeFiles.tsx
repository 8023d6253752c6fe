import { useRef, useState } from 'react';
import type { DatasetVersion } from '../../../../../shared/data/models';
import type { Recipe } from '../../../../../shared/data/recipe';
import { parseRecipeJson, recipeJson } from '../../../lib/clean-io';
import { downloadText } from '../../../lib/download';

interface RecipeFilesProps {
  version: DatasetVersion;
  /** The recipe to export; null while a step is not valid. */
  recipe: Recipe | null;
  onLoad(recipe: Recipe, file: string): void;
}

/**
 * The recipe as a file: exported to keep beside the data or run with `mlcycle data clean --recipe`,
 * and loaded back (checked against the same schema the engine uses, naming the field that is wrong).
 */
export function RecipeFiles({ version, recipe, onLoad }: RecipeFilesProps) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = async (file: File) => {
    const parsed = parseRecipeJson(await file.text());
    if ('error' in parsed) {
      setProblem(`${file.name}: ${parsed.error}`);
      return;
    }
    setProblem(null);
    onLoad(parsed.recipe, file.name);
  };

  return (
    <div className="clean-files">
      <button type="button" className="button small" data-testid="clean-load" onClick={() => input.current?.click()}>
        Load recipe JSON…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="clean-load-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) loads it again.
          e.target.value = '';
          if (file) void load(file);
        }}
      />
      <button
        type="button"
        className="button small"
        data-testid="clean-export"
        disabled={!recipe || recipe.steps.length === 0}
        title={recipe ? undefined : 'Fix the steps marked in red first'}
        onClick={() => recipe && downloadText(`${version.datasetName}@${version.version}-recipe.json`, 'application/json', recipeJson(recipe))}
      >
        Export recipe JSON
      </button>
      {problem && (
        <p className="form-error clean-files-error" role="alert" data-testid="clean-load-error">
          {problem}
        </p>
      )}
    </div>
  );
}
