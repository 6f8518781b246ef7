import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The layering rule, checked on the sources:
 *   app/       the pure core: never imports Electron, React, React DOM or Lexical (not even types).
 *   renderer/  reaches app/ and main/ for TYPES only (`import type`), and never Node or Electron.
 *   preload    sandboxed: requires 'electron' and nothing else.
 *   main/      no UI libraries.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts)$/;

interface ImportSite {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

/** Every module a source file reaches: import/export declarations, import = require, import(), require(). */
function collectImports(fileName: string, text: string): ImportSite[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const sites: ImportSite[] = [];
  const add = (literal: ts.Expression, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart()).line + 1;
    sites.push({ specifier: literal.text, typeOnly, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      // `import { type A } from` still loads the module at run time; only `import type` does not.
      add(node.moduleSpecifier, node.importClause?.isTypeOnly === true);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamicImport || isRequire) add(node.arguments[0]!, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

function sourceFiles(dir: string): string[] {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return (fs.readdirSync(absolute, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => SOURCE_EXTENSIONS.test(file) && !file.split(path.sep).includes('node_modules'))
    .map((file) => path.join(dir, file).split(path.sep).join('/'))
    .sort();
}

function importsOf(file: string): ImportSite[] {
  return collectImports(file, fs.readFileSync(path.join(root, file), 'utf8'));
}

/** The repository folder a relative specifier lands in ('app', 'main', …), or null for packages. */
function targetLayer(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const resolved = path.relative(root, path.resolve(path.join(root, path.dirname(file)), specifier));
  return resolved.split(path.sep)[0] ?? null;
}

const UI_PACKAGES = /^(electron|react|react-dom|lexical|@lexical\/[^/]+)(\/.*)?$/;
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!);

type Rule = (file: string, site: ImportSite) => string | null;

const appRule: Rule = (_file, { specifier }) =>
  UI_PACKAGES.test(specifier) ? `the core (app/) must not import "${specifier}"` : null;

const rendererRule: Rule = (file, site) => {
  const layer = targetLayer(file, site.specifier);
  if (layer === 'app' || layer === 'main') {
    return site.typeOnly ? null : `the renderer may import only types from ${layer}/ (use \`import type\`): "${site.specifier}"`;
  }
  if (layer !== null && layer !== 'renderer') return `the renderer must not reach ${layer}/: "${site.specifier}"`;
  if (!site.typeOnly && (isNodeBuiltin(site.specifier) || /^electron(\/|$)/.test(site.specifier))) {
    return `the renderer must not import "${site.specifier}"`;
  }
  return null;
};

const preloadRule: Rule = (_file, site) =>
  !site.typeOnly && site.specifier !== 'electron' ? `a sandboxed preload can require only 'electron', not "${site.specifier}"` : null;

const mainRule: Rule = (file, site) => {
  if (/^(react|react-dom|lexical|@lexical\/)/.test(site.specifier)) return `main/ must not import "${site.specifier}"`;
  if (targetLayer(file, site.specifier) === 'renderer') return `main/ must not import from renderer/: "${site.specifier}"`;
  return null;
};

function violations(files: string[], rule: Rule): string[] {
  return files.flatMap((file) =>
    importsOf(file).flatMap((site) => {
      const problem = rule(file, site);
      return problem ? [`${file}:${site.line}: ${problem}`] : [];
    }),
  );
}

describe('layering', () => {
  it('the scanner sees every kind of import', () => {
    const sites = collectImports(
      'renderer/src/x.ts',
      [
        "import type { A } from '../../app/a.js';",
        "import { type B } from '../../app/b.js';",
        "import '../../app/c.js';",
        "export * from '../../app/d.js';",
        "export type { E } from '../../app/e.js';",
        "const f = await import('../../app/f.js');",
        "const g = require('../../app/g.js');",
        "type H = import('../../app/h.js').H;",
        "import i = require('../../app/i.js');",
      ].join('\n'),
    );
    expect(sites.map((s) => [s.specifier.replace('../../app/', ''), s.typeOnly])).toEqual([
      ['a.js', true],
      ['b.js', false],
      ['c.js', false],
      ['d.js', false],
      ['e.js', true],
      ['f.js', false],
      ['g.js', false],
      ['h.js', true],
      ['i.js', false],
    ]);
    const flagged = sites.map((site) => rendererRule('renderer/src/x.ts', site) !== null);
    expect(flagged).toEqual([false, true, true, true, false, true, true, false, true]);
    expect(appRule('app/x.ts', { specifier: '@lexical/react/LexicalComposer', typeOnly: true, line: 1 })).not.toBeNull();
    expect(appRule('app/x.ts', { specifier: 'react-dom/client', typeOnly: false, line: 1 })).not.toBeNull();
    expect(appRule('app/x.ts', { specifier: 'zod', typeOnly: false, line: 1 })).toBeNull();
  });

  it('app/ imports no Electron, React, React DOM or Lexical', () => {
    const files = sourceFiles('app');
    expect(files.length).toBeGreaterThan(5);
    expect(violations(files, appRule)).toEqual([]);
  });

  it('renderer/src imports only types from app/ and main/, and nothing from Node or Electron', () => {
    const files = sourceFiles('renderer/src');
    expect(files).toContain('renderer/src/api/client.ts');
    expect(violations(files, rendererRule)).toEqual([]);
  });

  it('the preload requires only electron', () => {
    expect(violations(['main/preload.cts'], preloadRule)).toEqual([]);
  });

  it('main/ imports no UI code', () => {
    const files = sourceFiles('main');
    expect(files).toContain('main/main.ts');
    expect(violations(files, mainRule)).toEqual([]);
  });
});
