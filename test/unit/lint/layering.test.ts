import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rule is a lint check, not a hope: feed the real config files that cross a layer
 * the wrong way and expect it to refuse them.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  it('keeps src/shared free of Node and Electron', async () => {
    expect(await importErrors('src/shared/bad.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await importErrors('src/shared/bad.ts', "import path from 'path';\nexport const x = path;\n")).toHaveLength(1);
    expect(await importErrors('src/shared/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await importErrors('src/shared/bad.ts', "import { createEngine } from '../main/engine/engine';\nexport const x = createEngine;\n")).toHaveLength(1);
    expect(await importErrors('src/shared/ok.ts', "import { z } from 'zod';\nexport const x = z;\n")).toEqual([]);
  });

  it('lets the renderer import only the contract', async () => {
    expect(await importErrors('src/renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toHaveLength(1);
    expect(await importErrors('src/renderer/src/bad.ts', "import os from 'node:os';\nexport const x = os;\n")).toHaveLength(1);
    expect(await importErrors('src/renderer/src/bad.ts', "import { handlers } from '../../main/engine/handlers';\nexport const x = handlers;\n")).toHaveLength(1);
    expect(await importErrors('src/renderer/src/ok.ts', "import { STAGES } from '../../shared/stages';\nexport const x = STAGES;\n")).toEqual([]);
  });

  it('keeps electron out of the engine, hosts and CLI, but allows it in the desktop shell', async () => {
    const electron = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await importErrors('src/main/engine/bad.ts', electron)).toHaveLength(1);
    expect(await importErrors('src/main/host/bad.ts', electron)).toHaveLength(1);
    expect(await importErrors('src/main/cli/bad.ts', electron)).toHaveLength(1);
    expect(await importErrors('src/main/electron/ok.ts', electron)).toEqual([]);
  });

  it('keeps the engine independent of the hosts that carry it', async () => {
    expect(await importErrors('src/main/engine/bad.ts', "import { startHeadlessHost } from '../host/headless';\nexport const x = startHeadlessHost;\n")).toHaveLength(1);
  });
});
